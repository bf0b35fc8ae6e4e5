package cn.cfp.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.audit.AuditTrail;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8 item 15: the audit trail is listed a page at a time with the total (it showed "silently the newest 200"),
 * searched and filtered by actor, action, target and dates, in the order asked for — on the page and in the API.
 * Five records of an actor of its own make the numbers: actions A, A, B, A, B on targets widget:1 … widget:5.
 */
@CfpIntegrationTest
class AuditListTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditTrail trail;
    @Autowired
    Clock clock;

    TestHttp http;
    String actor;
    List<Long> seqs = new ArrayList<>();

    @BeforeEach
    void fiveRecords() {
        http = new TestHttp(port, users, tokens);
        actor = "lister-" + UUID.randomUUID().toString().substring(0, 8);
        String[] actions = {"LIST_TEST_A", "LIST_TEST_A", "LIST_TEST_B", "LIST_TEST_A", "LIST_TEST_B"};
        for (int i = 0; i < 5; i++) {
            Map<String, Object> details = i == 2 ? Map.of("note", "a needle at 50%") : Map.of("n", i + 1);
            seqs.add(trail.record(actor, actions[i], "widget:" + (i + 1), details).seq());
        }
    }

    @Test
    void the_api_pages_the_records_of_an_actor_newest_first_with_the_total() {
        HttpResponse<String> first = api("actor=" + actor + "&size=2");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Total-Count")).contains("5");
        assertThat(seqsOf(first)).containsExactly(seqs.get(4), seqs.get(3));
        assertThat(seqsOf(api("actor=" + actor + "&size=2&page=1"))).containsExactly(seqs.get(2), seqs.get(1));
        assertThat(seqsOf(api("actor=" + actor + "&size=2&page=2"))).containsExactly(seqs.get(0));
        assertThat(seqsOf(api("actor=" + actor + "&size=2&page=3"))).isEmpty();
    }

    @Test
    void the_api_filters_by_action_target_text_and_dates_and_sorts() {
        assertThat(total(api("actor=" + actor + "&action=LIST_TEST_A"))).isEqualTo(3);
        assertThat(seqsOf(api("actor=" + actor + "&action=LIST_TEST_B&sort=OLDEST"))).containsExactly(seqs.get(2), seqs.get(4));
        // target: contains, whatever the case
        assertThat(seqsOf(api("actor=" + actor + "&target=WIDGET:4"))).containsExactly(seqs.get(3));
        // text anywhere, also in the details; % and _ are taken as typed, not as wildcards
        assertThat(seqsOf(api("q=" + enc("a needle") + "&actor=" + actor))).containsExactly(seqs.get(2));
        assertThat(seqsOf(api("actor=" + actor + "&q=" + enc("0%")))).containsExactly(seqs.get(2));
        assertThat(total(api("actor=" + actor + "&q=" + enc("_0")))).isZero();
        assertThat(total(api("q=" + actor))).as("the actor's name found by the text search").isEqualTo(5);
        // sorting by target: widget:1 … widget:5
        JsonNode byTarget = body(api("actor=" + actor + "&sort=TARGET"));
        assertThat(byTarget.get(0).path("target").asString()).isEqualTo("widget:1");
        assertThat(byTarget.get(4).path("target").asString()).isEqualTo("widget:5");
        // days in the platform's time zone, both ends included
        LocalDate today = LocalDate.now(clock);
        assertThat(total(api("actor=" + actor + "&from=" + today + "&to=" + today))).isEqualTo(5);
        assertThat(total(api("actor=" + actor + "&from=" + today.plusDays(1)))).isZero();
        assertThat(total(api("actor=" + actor + "&to=" + today.minusDays(1)))).isZero();
    }

    @Test
    void bad_search_input_is_refused_in_words() {
        HttpResponse<String> range = api("from=2026-03-31&to=2026-03-01");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("audit.search.dateRange").contains("\"field\":\"to\"");
        HttpResponse<String> sort = api("sort=SIDEWAYS");
        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(sort.body()).contains("web.param.invalid").contains("NEWEST");
        assertThat(api("from=yesterday").statusCode()).isEqualTo(400);
        assertThat(api("size=500").statusCode()).isEqualTo(400);
        HttpResponse<String> tooLong = api("q=" + "x".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("audit.search.tooLong").doesNotContain("Exception");
        assertThat(http.send("GET", "/api/audit", "pm").statusCode()).as("the audit trail is for admins and archivists").isEqualTo(403);
    }

    @Test
    void the_page_shows_the_range_and_total_and_its_page_links_keep_the_search() {
        HttpResponse<String> first = http.send("GET", "/admin/audit?actor=" + actor + "&size=2", "admin");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"pager-range\">第 1–2 条，共 5 条<")
                .contains("href=\"/admin/audit?actor=" + actor + "&amp;page=1&amp;size=2\"")
                .doesNotContain("id=\"pager-prev\"")
                .contains("value=\"" + actor + "\"");
        HttpResponse<String> last = http.send("GET", "/admin/audit?actor=" + actor + "&action=LIST_TEST_A&sort=OLDEST&page=1&size=2", "admin");
        assertThat(last.body()).contains("id=\"pager-range\">第 3–3 条，共 3 条<")
                .contains("href=\"/admin/audit?actor=" + actor + "&amp;action=LIST_TEST_A&amp;sort=OLDEST&amp;page=0&amp;size=2\"")
                .doesNotContain("id=\"pager-next\"")
                .contains("<td>" + seqs.get(3) + "</td>");
        assertThat(http.send("GET", "/admin/audit?actor=nobody-" + UUID.randomUUID(), "admin").body()).contains("id=\"audit-none\"");
        assertThat(http.send("GET", "/admin/audit?actor=" + actor + "&size=2&lang=en", "admin").body()).contains("1–2 of 5<");
    }

    @Test
    void a_refused_search_comes_back_to_the_page_with_the_reason_at_its_field() {
        HttpResponse<String> refused = http.send("GET", "/admin/audit?_form=audit-search&_page=" + enc("/admin/audit?actor=" + actor)
                + "&actor=" + actor + "&from=2026-03-31&to=2026-03-01", "admin");
        assertThat(refused.statusCode()).isEqualTo(303);
        HttpResponse<String> page = http.follow(refused, "admin");
        assertThat(page.body()).contains("id=\"refusal-reasons\"").contains("截止日期 2026-03-01 早于起始日期 2026-03-31")
                .contains("data-field=\"to\"");
    }

    @Test
    void verifying_on_the_page_names_the_checkpoint_the_chain_matches() {
        trail.checkpoint();
        HttpResponse<String> page = http.send("POST", "/admin/audit/verify?lang=en", "admin");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Hash chain intact").contains("Matches the checkpoint of ");
    }

    private HttpResponse<String> api(String query) {
        return http.send("GET", "/api/audit?" + query, "admin");
    }

    private static long total(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
    }

    private static List<Long> seqsOf(HttpResponse<String> r) {
        List<Long> out = new ArrayList<>();
        body(r).forEach(n -> out.add(n.path("seq").asLong()));
        return out;
    }

    private static JsonNode body(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
