package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The staff's lists in the browser come in pages like the API's (a thousand cases are never one page): the applications,
 * the planning list and the clock dashboard show a range, the total and links to the pages before and after.
 */
@CfpIntegrationTest
class ListPagesPagingTest {

    static final Pattern RANGE = Pattern.compile("id=\"pager-range\">第 (\\d+)–(\\d+) 条，共 (\\d+) 条<");

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;

    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
    }

    @Test
    void the_applications_planning_and_dashboard_pages_are_paged_with_a_range_and_links() {
        for (int i = 0; i < 3; i++) {
            fx.accepted("client-motor", "CNCA-CFP-00", "PV13", 150, null);
        }
        for (String list : new String[] {"/applications", "/planning", "/dashboard"}) {
            HttpResponse<String> first = http.send("GET", list + "?size=2", "pm");
            assertThat(first.statusCode()).as(list + " " + first.body()).isEqualTo(200);
            long[] r = range(list, first.body());
            assertThat(r[0]).as(list).isEqualTo(1);
            assertThat(r[1]).as(list).isEqualTo(2);
            assertThat(r[2]).as(list + ": at least the three cases made here").isGreaterThanOrEqualTo(3);
            assertThat(first.body()).as(list).contains("id=\"pager-next\"").contains("href=\"" + list + "?page=1&amp;size=2\"")
                    .doesNotContain("id=\"pager-prev\"");
            long lastPage = (r[2] - 1) / 2;
            HttpResponse<String> last = http.send("GET", list + "?page=" + lastPage + "&size=2", "pm");
            long[] lr = range(list, last.body());
            assertThat(lr[0]).as(list).isEqualTo(lastPage * 2 + 1);
            assertThat(lr[1]).as(list).isEqualTo(r[2]);
            assertThat(last.body()).as(list).contains("id=\"pager-prev\"").doesNotContain("id=\"pager-next\"");
        }
        // English pages say it in English
        assertThat(http.send("GET", "/applications?size=2&lang=en", "pm").body()).containsPattern("1–2 of \\d+<");
    }

    @Test
    void a_page_size_beyond_the_limit_is_refused_in_words() {
        HttpResponse<String> tooBig = http.send("GET", "/applications?size=5000", "pm");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("200").doesNotContain("Exception");
    }

    private static long[] range(String list, String body) {
        Matcher m = RANGE.matcher(body);
        assertThat(m.find()).as(list + " shows its range").isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }
}
