package cn.cfp.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.party.Organisations;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Issue 8 item 15: an organisation's evidence is listed a page at a time with the total — counted and read with
 * OFFSET/FETCH, never all of it — searched by document or file name, filtered by organisation, file type and case, and
 * sorted by upload time, name or size, on the page and in the API (R-APP-2). Who may see which organisation's evidence
 * is as before. Five files of one case of the motor company make the numbers (uploaded in this order):
 *
 * <pre>
 *   #  document  file            type  bytes
 *   0  Delta     d.pdf           PDF   100
 *   1  Alpha     alpha-scan.png  PNG   300
 *   2  Echo      bom.csv         CSV    50
 *   3  Bravo     b.pdf           PDF   400
 *   4  Charlie   notes.csv       CSV   200
 * </pre>
 * and one file of the same case reference at the furniture company.
 */
@CfpIntegrationTest
class EvidenceListTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROW = Pattern.compile("class=\"evidence-row\" data-id=\"(\\d+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Organisations organisations;

    TestHttp http;
    long motorOrg;
    long furnitureOrg;
    String caseRef;
    List<Long> ids = new ArrayList<>();
    long furnitureFile;

    @BeforeEach
    void sixFiles() {
        http = new TestHttp(port, users, tokens);
        motorOrg = organisations.findByName("南阳华安防爆电机有限公司（演示）").orElseThrow().id();
        furnitureOrg = organisations.findByName("浙江森雅家具有限公司（演示）").orElseThrow().id();
        caseRef = "LST-" + UUID.randomUUID().toString().substring(0, 8);
        ids.add(upload(motorOrg, "Delta", "d.pdf", pdf(100)));
        ids.add(upload(motorOrg, "Alpha", "alpha-scan.png", png(300)));
        ids.add(upload(motorOrg, "Echo", "bom.csv", text(50)));
        ids.add(upload(motorOrg, "Bravo", "b.pdf", pdf(400)));
        ids.add(upload(motorOrg, "Charlie", "notes.csv", text(200)));
        furnitureFile = upload(furnitureOrg, "Foxtrot", "f.pdf", pdf(120));
    }

    @Test
    void the_api_pages_newest_first_with_the_total_and_page_two_holds_exactly_the_third_and_fourth() {
        HttpResponse<String> first = api(motorOrg, "size=2");
        assertThat(first.headers().firstValue("X-Total-Count")).contains("5");
        assertThat(idsOf(first)).containsExactly(id(4), id(3));
        assertThat(idsOf(api(motorOrg, "size=2&page=1"))).containsExactly(id(2), id(1));
        assertThat(idsOf(api(motorOrg, "size=2&page=2"))).containsExactly(id(0));
        assertThat(idsOf(api(motorOrg, "size=2&page=3"))).isEmpty();
        assertThat(idsOf(api(motorOrg, ""))).containsExactly(id(4), id(3), id(2), id(1), id(0));
    }

    @Test
    void the_api_sorts_by_time_name_and_size() {
        assertThat(idsOf(api(motorOrg, "sort=OLDEST"))).containsExactly(id(0), id(1), id(2), id(3), id(4));
        assertThat(idsOf(api(motorOrg, "sort=NAME"))).containsExactly(id(1), id(3), id(4), id(0), id(2));
        assertThat(idsOf(api(motorOrg, "sort=NAME_DESC&size=2&page=1"))).containsExactly(id(4), id(3));
        assertThat(idsOf(api(motorOrg, "sort=LARGEST"))).containsExactly(id(3), id(1), id(4), id(0), id(2));
        assertThat(idsOf(api(motorOrg, "sort=SMALLEST&size=2&page=1"))).containsExactly(id(4), id(1));
    }

    @Test
    void the_api_searches_names_and_filters_by_type_case_and_organisation() {
        // the document name or the uploaded file's name, whatever the case; % and _ as typed
        assertThat(idsOf(api(motorOrg, "q=scan"))).containsExactly(id(1));
        assertThat(idsOf(api(motorOrg, "q=ALPHA"))).containsExactly(id(1));
        assertThat(idsOf(api(motorOrg, "q=b"))).containsExactly(id(3), id(2));
        assertThat(total(api(motorOrg, "q=" + enc("%")))).isZero();
        assertThat(idsOf(api(motorOrg, "type=CSV"))).containsExactly(id(4), id(2));
        assertThat(idsOf(api(motorOrg, "type=PDF&sort=SMALLEST"))).containsExactly(id(0), id(3));
        assertThat(idsOf(api(motorOrg, "type=PDF&q=b"))).containsExactly(id(3));
        assertThat(total(api(motorOrg, "type=DOCX"))).isZero();
        // the organisation: the same case reference at the furniture company is its own list
        assertThat(idsOf(api(furnitureOrg, ""))).containsExactly(furnitureFile);
        // the case reference: containing, whatever the case
        HttpResponse<String> partOfCase = http.send("GET", "/api/evidence?org=" + motorOrg + "&caseRef="
                + caseRef.substring(4).toUpperCase() + "&size=1", "pm");
        assertThat(total(partOfCase)).isEqualTo(5);
        assertThat(total(http.send("GET", "/api/evidence?org=" + motorOrg + "&caseRef=LST-nothing-" + UUID.randomUUID(), "pm"))).isZero();
    }

    @Test
    void the_page_shows_page_two_with_the_range_its_links_keep_the_search_and_the_type_in_words() {
        HttpResponse<String> second = page("pm", "org=" + motorOrg + "&caseRef=" + caseRef + "&size=2&page=1");
        assertThat(rows(second)).containsExactly(id(2), id(1));
        assertThat(second.body()).contains("id=\"pager-range\">第 3–4 条，共 5 条<")
                .contains("href=\"/evidence?org=" + motorOrg + "&amp;caseRef=" + caseRef + "&amp;page=2&amp;size=2\"")
                .contains("href=\"/evidence?org=" + motorOrg + "&amp;caseRef=" + caseRef + "&amp;page=0&amp;size=2\"")
                .contains("<td>CSV 表格</td>").contains("<td>PNG 图片</td>").doesNotContain("<td>text/csv</td>")
                .contains("value=\"" + caseRef + "\"");
        HttpResponse<String> bySize = page("pm", "org=" + motorOrg + "&caseRef=" + caseRef + "&sort=LARGEST&size=2&page=1");
        assertThat(rows(bySize)).containsExactly(id(4), id(0));
        assertThat(bySize.body()).contains("href=\"/evidence?org=" + motorOrg + "&amp;caseRef=" + caseRef + "&amp;sort=LARGEST&amp;page=2&amp;size=2\"")
                // the size column's head sorts the other way, back on the first page
                .contains("id=\"sort-size\" href=\"/evidence?org=" + motorOrg + "&amp;caseRef=" + caseRef + "&amp;sort=SMALLEST&amp;size=2\"");
        assertThat(rows(page("pm", "org=" + motorOrg + "&caseRef=" + caseRef + "&type=PDF&q=b"))).containsExactly(id(3));
        assertThat(page("pm", "org=" + motorOrg + "&caseRef=" + caseRef + "&type=DOCX").body()).contains("id=\"evidence-none\"");
        // the client's own organisation is the default; English pages in English
        HttpResponse<String> client = page("client-motor", "caseRef=" + caseRef + "&size=2&lang=en");
        assertThat(rows(client)).containsExactly(id(4), id(3));
        assertThat(client.body()).contains("1–2 of 5<").contains("<td>CSV table</td>").contains("Newest upload first");
    }

    @Test
    void who_may_see_which_organisations_evidence_is_unchanged() {
        assertThat(http.send("GET", "/api/evidence?org=" + furnitureOrg, "client-motor").statusCode()).isEqualTo(403);
        assertThat(http.send("GET", "/evidence?org=" + furnitureOrg + "&caseRef=" + caseRef, "client-motor").statusCode()).isEqualTo(403);
        assertThat(rows(page("client-furniture", "caseRef=" + caseRef))).containsExactly(furnitureFile);
        assertThat(http.send("GET", "/api/evidence?org=99999999", "pm").statusCode()).isEqualTo(404);
    }

    @Test
    void bad_parameters_are_refused_in_words_never_a_500() {
        for (String bad : List.of("page=-1", "size=100000", "size=0", "sort=nonsense", "type=EXE", "page=x",
                "q=" + "x".repeat(201), "caseRef=" + "y".repeat(201))) {
            HttpResponse<String> viaApi = http.send("GET", "/api/evidence?org=" + motorOrg + "&" + bad, "pm");
            assertThat(viaApi.statusCode()).as("API " + bad + ": " + viaApi.body()).isEqualTo(400);
            assertThat(viaApi.body()).as(bad).doesNotContain("Exception");
            HttpResponse<String> viaPage = http.send("GET", "/evidence?org=" + motorOrg + "&" + bad, "pm");
            assertThat(viaPage.statusCode()).as("page " + bad).isEqualTo(400);
            assertThat(viaPage.body()).as(bad).doesNotContain("Exception");
        }
        assertThat(http.send("GET", "/api/evidence?org=" + motorOrg + "&sort=nonsense", "pm").body()).contains("web.param.invalid")
                .contains("LARGEST");
        assertThat(http.send("GET", "/api/evidence?org=" + motorOrg + "&type=EXE", "pm").body()).contains("XLSX");
        assertThat(http.send("GET", "/api/evidence?org=" + motorOrg + "&size=100000", "pm").body()).contains("shared.paging");
        assertThat(http.send("GET", "/api/evidence?org=" + motorOrg + "&q=" + "x".repeat(201), "pm").body())
                .contains("evidence.search.tooLong").contains("\"field\":\"q\"");
        assertThat(http.send("GET", "/api/evidence?org=abc", "pm").statusCode()).isEqualTo(400);
    }

    private long upload(long org, String name, String filename, byte[] content) {
        TestHttp.Multipart m = new TestHttp.Multipart().field("org", String.valueOf(org)).field("caseRef", caseRef)
                .field("name", name).file("file", filename, content);
        HttpResponse<String> r = http.send("POST", "/api/evidence", "pm", m.contentType(), m.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asLong();
    }

    private long id(int i) {
        return ids.get(i);
    }

    private HttpResponse<String> api(long org, String query) {
        HttpResponse<String> r = http.send("GET", "/api/evidence?org=" + org + "&caseRef=" + caseRef + (query.isEmpty() ? "" : "&" + query), "pm");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private HttpResponse<String> page(String user, String query) {
        HttpResponse<String> r = http.send("GET", "/evidence?" + query, user);
        assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private static long total(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
    }

    private static List<Long> idsOf(HttpResponse<String> r) {
        List<Long> out = new ArrayList<>();
        JSON.readTree(r.body()).forEach(n -> out.add(n.path("id").asLong()));
        return out;
    }

    private static List<Long> rows(HttpResponse<String> r) {
        List<Long> out = new ArrayList<>();
        Matcher m = ROW.matcher(r.body());
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    /** A PDF of exactly n bytes (its magic, then padding). */
    private static byte[] pdf(int n) {
        return padded("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), n);
    }

    private static byte[] png(int n) {
        return padded(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, n);
    }

    private static byte[] text(int n) {
        return padded("part,kg\n".getBytes(StandardCharsets.US_ASCII), n);
    }

    private static byte[] padded(byte[] head, int n) {
        byte[] out = Arrays.copyOf(head, n);
        Arrays.fill(out, head.length, n, (byte) 'x');
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
