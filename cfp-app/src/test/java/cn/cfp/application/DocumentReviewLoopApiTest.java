package cn.cfp.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Document review as a real loop over the REST API (R-DOC-1; 000 §7.4; 003 ¶47; issue 8 item 11; decision D5): a round
 * that does not conform says what the client must supplement; the client uploads a new version through the evidence
 * store and submits the supplement; only then may the next round start, and it reviews the new version. The scheme's
 * number of rounds is the limit; after it the case can only be terminated.
 */
@CfpIntegrationTest
class DocumentReviewLoopApiTest {

    static final String JSON = "application/json";
    static final String SCHEME = "CNEX-01-G";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SchemeCatalog schemes;
    @Autowired
    Cases cases;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;

    TestHttp http;
    CaseFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
    }

    HttpResponse<String> post(String path, String user, Object body) {
        return http.send("POST", path, user, JSON, body == null ? null : json.writeValueAsBytes(body));
    }

    JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    List<String> codes(HttpResponse<String> r) {
        List<String> codes = new ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }

    /** An accepted application whose planning is done: the case is at its document review. */
    long atDocumentReview() {
        long id = fx.accepted("client-motor", SCHEME, "EXPLOSION_PROOF", 80, null);
        cases.complete(id, Stage.PLANNING, fx.who("pm"), "test: planning done");
        return id;
    }

    String firstRequiredItem() {
        return schemes.get(SCHEME).documentChecklist().value().items().stream().filter(i -> i.kind() == ChecklistItem.Kind.REQUIRED)
                .map(ChecklistItem::id).findFirst().orElseThrow();
    }

    HttpResponse<String> upload(long id, String item, String user, String text) {
        byte[] pdf = ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        TestHttp.Multipart m = new TestHttp.Multipart().file("file", item + "-v2.pdf", pdf);
        return http.send("POST", "/api/applications/" + id + "/document-review/supplement/" + item, user, m.contentType(), m.body());
    }

    static Map<String, Object> notConforming(String item, String request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conclusion", "DOES_NOT_CONFORM");
        body.put("findings", "工艺流程图缺少外协工序");
        body.put("staffNote", "内部：怀疑外协数据不实，现场重点核查");
        body.put("requests", Map.of(item, request));
        return body;
    }

    static JsonNode fileOf(JsonNode round, String item) {
        for (JsonNode f : round.get("files")) {
            if (f.get("item").asText().equals(item)) {
                return f;
            }
        }
        throw new AssertionError("round " + round.get("round") + " reviewed no " + item + ": " + round);
    }

    /** Issue 8 item 11: nonconform → the client supplements v2 → round 2 reviews v2 → conforms. */
    @Test
    void a_nonconforming_round_asks_the_client_for_a_supplement_and_the_next_round_reviews_the_new_version() {
        long id = atDocumentReview();
        String item = firstRequiredItem();
        String base = "/api/applications/" + id + "/document-review";

        JsonNode round1 = ok(post(base, "pm", notConforming(item, "请补充包含外协工序的完整工艺流程图")), 200);
        assertThat(round1.get("round").asInt()).isEqualTo(1);
        JsonNode v1 = fileOf(round1, item);
        assertThat(v1.get("version").asInt()).isEqualTo(1);

        // the client is told what to supplement, and never sees the reviewer's staff note
        HttpResponse<String> clientRead = http.send("GET", base, "client-motor");
        JsonNode seen = ok(clientRead, 200).get(0);
        assertThat(seen.get("requests").get(0).get("item").asText()).isEqualTo(item);
        assertThat(seen.get("requests").get(0).get("request").asText()).isEqualTo("请补充包含外协工序的完整工艺流程图");
        assertThat(seen.get("staffNote").isNull()).isTrue();
        assertThat(clientRead.body()).doesNotContain("怀疑外协数据不实");
        assertThat(http.send("GET", "/applications/" + id, "client-motor").body()).contains("请补充包含外协工序的完整工艺流程图")
                .doesNotContain("怀疑外协数据不实");
        String reference = ok(http.send("GET", "/api/applications/" + id, "pm"), 200).get("application").get("reference").asText();
        String task = "按文件评审要求补充文件：" + reference + "（第 1 轮）";
        assertThat(http.send("GET", "/mywork", "client-motor").body()).contains(task);
        assertThat(ok(http.send("GET", base, "pm"), 200).get(0).get("staffNote").asText()).contains("怀疑外协数据不实");

        // round 2 before the client supplemented: refused in words
        HttpResponse<String> early = post(base, "pm", Map.of("conclusion", "CONFORMS"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(codes(early)).containsExactly("application.review.awaitingSupplement");
        // the supplement cannot be submitted before a new version is uploaded, nor can another document be replaced
        HttpResponse<String> empty = post(base + "/supplement", "client-motor", Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(codes(empty)).containsExactly("application.review.itemNotSupplemented");
        String other = schemes.get(SCHEME).documentChecklist().value().items().stream()
                .filter(i -> i.kind() == ChecklistItem.Kind.REQUIRED && !i.id().equals(item)).findFirst().orElseThrow().id();
        HttpResponse<String> notAsked = upload(id, other, "client-motor", "not asked");
        assertThat(notAsked.statusCode()).isEqualTo(409);
        assertThat(codes(notAsked)).containsExactly("application.review.itemNotRequested");
        // only the applicant's client uploads: staff may not
        assertThat(upload(id, item, "pm", "staff").statusCode()).isEqualTo(403);

        JsonNode v2 = ok(upload(id, item, "client-motor", "flow chart with outsourced steps"), 201);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("sha256").asText()).isNotEqualTo(v1.get("sha256").asText());
        JsonNode supplemented = ok(post(base + "/supplement", "client-motor", Map.of("note", "已补充外协工序")), 200);
        assertThat(supplemented.get("supplement").get("by").asText()).isEqualTo("client-motor");
        assertThat(supplemented.get("staffNote").isNull()).isTrue();
        assertThat(http.send("GET", "/mywork", "client-motor").body()).doesNotContain(task);

        JsonNode round2 = ok(post(base, "pm", Map.of("conclusion", "CONFORMS")), 200);
        assertThat(round2.get("round").asInt()).isEqualTo(2);
        assertThat(fileOf(round2, item).get("evidenceId").asLong()).isEqualTo(v2.get("id").asLong());
        assertThat(fileOf(round2, item).get("version").asInt()).isEqualTo(2);
        assertThat(fileOf(round2, other).get("version").asInt()).as("documents not asked for stay at v1").isEqualTo(1);
        // round 1 still shows what it reviewed
        JsonNode rounds = ok(http.send("GET", base, "pm"), 200);
        assertThat(fileOf(rounds.get(0), item).get("version").asInt()).isEqualTo(1);
        assertThat(rounds.get(0).get("supplement").get("note").asText()).isEqualTo("已补充外协工序");
        assertThat(ok(http.send("GET", "/api/cases/" + id, "pm"), 200).get("currentStages").toString()).doesNotContain("DOCUMENT_REVIEW");
    }

    /** Decision D5: the scheme's rounds (3 for CNEX) are the limit; the third failure asks for nothing and only termination remains. */
    @Test
    void beyond_the_schemes_rounds_no_round_is_possible_and_the_case_is_terminated_with_a_notice() {
        int max = schemes.get(SCHEME).documentReviewRounds().value();
        assertThat(max).isEqualTo(3);
        long id = atDocumentReview();
        String item = firstRequiredItem();
        String base = "/api/applications/" + id + "/document-review";
        for (int round = 1; round < max; round++) {
            ok(post(base, "pm", notConforming(item, "第 " + round + " 轮：数据不完整，请补充")), 200);
            ok(upload(id, item, "client-motor", "version " + (round + 1)), 201);
            ok(post(base + "/supplement", "client-motor", null), 200);
        }
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("conclusion", "DOES_NOT_CONFORM");
        last.put("findings", "补充后数据仍不完整");
        JsonNode third = ok(post(base, "pm", last), 200);
        assertThat(third.get("round").asInt()).isEqualTo(max);
        assertThat(fileOf(third, item).get("version").asInt()).isEqualTo(max);

        HttpResponse<String> fourth = post(base, "pm", Map.of("conclusion", "CONFORMS"));
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(codes(fourth)).containsExactly("application.review.terminationDue");
        HttpResponse<String> supplement = upload(id, item, "client-motor", "too late");
        assertThat(supplement.statusCode()).isEqualTo(409);
        assertThat(codes(supplement)).containsExactly("application.review.noSupplementRequested");
        assertThat(http.send("GET", "/applications/" + id, "pm").body()).contains("应终止认证");

        JsonNode terminated = ok(post("/api/applications/" + id + "/terminate", "pm", Map.of("reasons", "文件评审三轮不符合")), 200);
        assertThat(terminated.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(terminated.get("clock").get("stoppedOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        HttpResponse<String> afterEnd = post("/api/applications/" + id + "/clock/pause", "pm",
                Map.of("date", LocalDate.now(clock).toString(), "reason", "x"));
        assertThat(afterEnd.statusCode()).isEqualTo(409);
        assertThat(codes(afterEnd)).containsExactly("cases.closed");
        HttpResponse<byte[]> pdf = http.sendForBytes("/api/applications/" + id + "/notices/termination.pdf", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void a_nonconforming_round_without_requests_is_refused_at_the_field_and_records_nothing() {
        long id = atDocumentReview();
        String base = "/api/applications/" + id + "/document-review";
        HttpResponse<String> r = post(base, "pm", Map.of("conclusion", "DOES_NOT_CONFORM", "findings", "数据不完整"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsExactly("application.review.requestsRequired");
        assertThat(json.readTree(r.body()).get("errors").get(0).get("field").asText()).isEqualTo("requests");
        HttpResponse<String> unknown = post(base, "pm", Map.of("conclusion", "DOES_NOT_CONFORM", "findings", "数据不完整",
                "requests", Map.of("no-such-document", "补充")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(codes(unknown)).containsExactly("application.review.unknownItem");
        assertThat(ok(http.send("GET", base, "pm"), 200)).isEmpty();
    }
}
