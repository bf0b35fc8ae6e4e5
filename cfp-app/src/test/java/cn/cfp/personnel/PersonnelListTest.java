package cn.cfp.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.party.Organisations;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 item 15 for the personnel registry (R-PER-1): the staff list is searched, filtered by role, sorted and paged
 * on the page and in the API, and holds staff only. Three staff users and one client user of this test's own:
 * tag-a inspector "P tag Carol", tag-b verifier "P tag Bob", tag-c inspector "P tag Alice", tag-d client.
 */
@CfpIntegrationTest
class PersonnelListTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROW = Pattern.compile("class=\"personnel-row\" data-username=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserDirectory directory;
    @Autowired
    Organisations organisations;

    TestHttp http;
    String tag;

    @BeforeEach
    void fourUsers() {
        http = new TestHttp(port, users, tokens);
        tag = "pl" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long motor = organisations.findByName("南阳华安防爆电机有限公司（演示）").orElseThrow().id();
        directory.create("admin", tag + "-a", "P " + tag + " Carol", "personnel-list-1", Set.of(Role.INSPECTOR), null);
        directory.create("admin", tag + "-b", "P " + tag + " Bob", "personnel-list-2", Set.of(Role.VERIFIER), null);
        directory.create("admin", tag + "-c", "P " + tag + " Alice", "personnel-list-3", Set.of(Role.INSPECTOR), null);
        directory.create("admin", tag + "-d", "P " + tag + " Dan", "personnel-list-4", Set.of(Role.CLIENT), motor);
    }

    @Test
    void the_api_pages_searches_filters_and_sorts_the_staff_only() {
        HttpResponse<String> first = api("q=" + tag + "&size=2");
        assertThat(first.headers().firstValue("X-Total-Count")).as("the client user is not staff").contains("3");
        assertThat(usernames(first)).containsExactly(tag + "-a", tag + "-b");
        assertThat(usernames(api("q=" + tag + "&size=2&page=1"))).containsExactly(tag + "-c");
        assertThat(usernames(api("q=" + tag + "&role=INSPECTOR"))).containsExactly(tag + "-a", tag + "-c");
        assertThat(usernames(api("q=" + tag + "&sort=NAME"))).containsExactly(tag + "-c", tag + "-b", tag + "-a");
        assertThat(usernames(api("q=" + tag + "&sort=USERNAME_DESC&size=2&page=1"))).containsExactly(tag + "-a");
        assertThat(usernames(api("q=" + tag.toUpperCase() + "+bob"))).containsExactly(tag + "-b");
        assertThat(usernames(api("q=" + tag + "&role=CLIENT"))).isEmpty();
    }

    @Test
    void the_page_shows_page_two_and_its_links_keep_the_search() {
        HttpResponse<String> second = http.send("GET", "/personnel?q=" + tag + "&sort=NAME&size=2&page=1", "inspector");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(rows(second)).containsExactly(tag + "-a");
        assertThat(second.body()).contains("id=\"pager-range\">第 3–3 条，共 3 条<")
                .contains("href=\"/personnel?q=" + tag + "&amp;sort=NAME&amp;page=0&amp;size=2\"")
                .contains("id=\"sort-name\" href=\"/personnel?q=" + tag + "&amp;sort=NAME_DESC&amp;size=2\"")
                .contains("id=\"staffing-figure\"");
        assertThat(rows(http.send("GET", "/personnel?q=" + tag + "&role=VERIFIER", "inspector"))).containsExactly(tag + "-b");
        assertThat(http.send("GET", "/personnel?q=" + tag + "&size=2&lang=en", "inspector").body()).contains("1–2 of 3<")
                .contains("Find (in the username or name)");
    }

    @Test
    void bad_parameters_are_refused_in_words_never_a_500() {
        for (String bad : List.of("page=-1", "size=100000", "sort=nonsense", "role=NOBODY", "q=" + "x".repeat(201))) {
            for (String path : List.of("/api/personnel?", "/personnel?")) {
                HttpResponse<String> r = http.send("GET", path + bad, "inspector");
                assertThat(r.statusCode()).as(path + bad + ": " + r.body()).isEqualTo(400);
                assertThat(r.body()).doesNotContain("Exception");
            }
        }
        assertThat(http.send("GET", "/api/personnel?q=" + tag, "client-motor").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> api(String query) {
        HttpResponse<String> r = http.send("GET", "/api/personnel?" + query, "inspector");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static List<String> usernames(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(r.body())) {
            out.add(n.path("username").asString());
        }
        return out;
    }

    private static List<String> rows(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(r.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
