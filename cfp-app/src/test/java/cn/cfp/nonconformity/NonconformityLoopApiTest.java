package cn.cfp.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** R-NC-1..3 over the REST API: raise → issue (PDF) → answer → reject → answer → accept → closed; deadlines. */
@CfpIntegrationTest
class NonconformityLoopApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Nonconformities ncs;
    @Autowired
    Cases cases;

    TestHttp http;
    OnSiteFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new OnSiteFixture(context);
    }

    HttpResponse<String> call(String method, String path, String user, Object body) {
        byte[] b = body == null ? null : json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return http.send(method, path, user, body == null ? null : "application/json", b);
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    String refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body()).get("errors").get(0).get("code").asString();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    long raise(long app, String user, String sourceRef, String description) {
        return ok(call("POST", "/api/nonconformities/" + app, user, Map.of("source", "ON_SITE_INSPECTION", "sourceRef", sourceRef,
                "clause", "000 Ann.1 §2.3", "description", description))).get("id").asLong();
    }

    HttpResponse<String> answer(long app, long nc, String user, String correction, boolean withFile) {
        TestHttp.Multipart m = new TestHttp.Multipart().field("correction", correction).field("cause", "制度未规定保存期限")
                .field("correctiveAction", "修订记录控制程序，规定保存 3 年");
        if (withFile) {
            m.file("files", "procedure-rev.pdf", ("%PDF-1.4\n% " + correction + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
        }
        return http.send("POST", "/api/nonconformities/" + app + "/" + nc + "/answer", user, m.contentType(), m.body());
    }

    JsonNode nc(long app, String user, long id) {
        for (JsonNode n : ok(call("GET", "/api/nonconformities/" + app, user, null))) {
            if (n.get("nc").get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no NC " + id);
    }

    void awaitNotice(String user, cn.cfp.notification.NotificationKind kind, String reference) {
        cn.cfp.access.Actor who = fx.who(user);
        cn.cfp.notification.Notifications notifications = context.getBean(cn.cfp.notification.Notifications.class);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> notifications
                .of(who, cn.cfp.shared.Paging.of(0, 200), java.util.Locale.CHINA).items().stream()
                .anyMatch(n -> n.kind() == kind && n.title().contains(reference)));
    }

    @Test
    void the_whole_loop_raise_issue_answer_reject_answer_accept_closes_and_the_policy_allows_R_NC_1_R_NC_2_001_9_6_5() throws Exception {
        long app = fx.visitStarted("CNEX-01-G");
        long id = raise(app, "inspector", "A1-2.3@1", "记录保存期限不足 3 年");
        // raised, not issued: the client sees nothing yet
        assertThat(ok(call("GET", "/api/nonconformities/" + app, "client-motor", null))).isEmpty();
        // issuing needs the agreed due date (CNEX "双方商定")
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/issue", "inspector", Map.of("source", "ON_SITE_INSPECTION")), 400))
                .isEqualTo("nonconformity.dueRequired");
        LocalDate due = today().plusDays(10);
        JsonNode issued = ok(call("POST", "/api/nonconformities/" + app + "/issue", "inspector",
                Map.of("source", "ON_SITE_INSPECTION", "dueOn", due.toString())));
        assertThat(issued.get("nonconformities").get(0).get("nc").get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.get("nonconformities").get(0).get("issuedOn").asString()).isEqualTo(today().toString());
        awaitNotice("client-motor", cn.cfp.notification.NotificationKind.NC_ISSUED, cases.require(app).reference());

        // the list as PDF, titled from the scheme (001 §9.5.4 现场检查问题清单), read back with PDFBox
        HttpResponse<byte[]> pdf = http.sendForBytes("/api/nonconformities/" + app + "/lists/ON_SITE_INSPECTION.pdf", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("现场检查问题清单").contains("记录保存期限不足 3 年").contains("000 Ann.1 §2.3").contains("整改期限");
        }

        // another company's client neither sees nor answers: the case does not exist for it (the access table answers 404)
        assertThat(call("GET", "/api/nonconformities/" + app, "client-furniture", null).statusCode()).isEqualTo(404);
        assertThat(http.sendForBytes("/api/nonconformities/" + app + "/lists/ON_SITE_INSPECTION.pdf", "client-furniture").statusCode()).isEqualTo(404);
        assertThat(answer(app, id, "client-furniture", "已修订", true).statusCode()).isEqualTo(404);

        // the first answer; the team rejects it with a reason and a new due date
        JsonNode a1 = ok(answer(app, id, "client-motor", "已修订程序文件", true));
        assertThat(a1.get("nc").get("status").asString()).isEqualTo("ANSWERED");
        assertThat(a1.get("answers").get(0).get("evidenceIds")).hasSize(1);
        LocalDate due2 = today().plusDays(20);
        JsonNode rejected = ok(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "inspector",
                Map.of("accept", false, "method", "WRITTEN", "reason", "未提供培训记录", "dueOn", due2.toString(), "teamNote", "内部：复查培训")));
        assertThat(rejected.get("nc").get("status").asString()).isEqualTo("ISSUED");
        assertThat(rejected.get("nc").get("dueOn").asString()).isEqualTo(due2.toString());
        // the client sees the reason, never the team's note
        JsonNode seen = nc(app, "client-motor", id);
        assertThat(seen.get("answers").get(0).get("verdictReason").asString()).isEqualTo("未提供培训记录");
        assertThat(seen.get("teamNote").isNull()).isTrue();
        assertThat(nc(app, "inspector", id).get("teamNote").asString()).isEqualTo("内部：复查培训");

        // the second answer; accepted on site; closed; the policy allows
        ok(answer(app, id, "client-motor", "已修订程序文件并培训", true));
        JsonNode closed = ok(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "inspector",
                Map.of("accept", true, "method", "ON_SITE")));
        assertThat(closed.get("nc").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closedOn").asString()).isEqualTo(today().toString());
        assertThat(closed.get("method").asString()).isEqualTo("ON_SITE");
        assertThat(closed.get("answers")).hasSize(2);
        assertThat(closed.get("answers").get(1).get("verdict").asString()).isEqualTo("ACCEPTED");
        JsonNode policy = ok(call("GET", "/api/nonconformities/" + app + "/policy", "inspector", null));
        assertThat(policy.get("noneOpen").get("allowed").asBoolean()).isTrue();
        assertThat(ncs.noneOpen(app, java.util.Set.of()).allowed()).isTrue();
        // closing again is an illegal transition, refused in words
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "inspector",
                Map.of("accept", true, "method", "ON_SITE")), 409)).isEqualTo("nonconformity.illegalTransition");
    }

    @Test
    void an_nc_closed_without_evidence_is_refused_and_nothing_changes_R_NC_2() {
        long app = fx.visitStarted("CNEX-01-G");
        long id = raise(app, "inspector", "A1-2.5@1", "未保留原始数据");
        ok(call("POST", "/api/nonconformities/" + app + "/issue", "inspector",
                Map.of("source", "ON_SITE_INSPECTION", "dueOn", today().plusDays(5).toString())));
        JsonNode before = nc(app, "inspector", id);
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "inspector",
                Map.of("accept", true, "method", "WRITTEN")), 409)).isEqualTo("nonconformity.closeWithoutEvidence");
        JsonNode after = nc(app, "inspector", id);
        assertThat(after.get("nc").get("status").asString()).isEqualTo("ISSUED");
        assertThat(after.get("nc").get("version").asInt()).isEqualTo(before.get("nc").get("version").asInt());
        assertThat(after.get("closedOn").isNull()).isTrue();
        // an answer without a file and without an explanation is refused too (CNEX allows a clear explanation, 001 §9.5.4)
        assertThat(refused(answer(app, id, "client-motor", "已处理", false), 400)).isEqualTo("nonconformity.evidenceOrExplanationRequired");
        // an inspector-role member may not sign verification NCs; the expert role is not on this team at all
        assertThat(ncs.noneOpen(app, java.util.Set.of()).allowed()).isFalse();
    }

    @Test
    void two_concurrent_answers_one_wins_the_other_gets_409() throws Exception {
        long app = fx.visitStarted("CNEX-01-G");
        long id = raise(app, "inspector", "A1-2.6@1", "计量器具未检定");
        ok(call("POST", "/api/nonconformities/" + app + "/issue", "inspector",
                Map.of("source", "ON_SITE_INSPECTION", "dueOn", today().plusDays(5).toString())));
        http.tokenOf("client-motor"); // TestHttp's token cache is not for concurrent first use
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String text = "并发回复 " + i;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return answer(app, id, "client-motor", text, true).statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = calls.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(codes).containsExactly(200, 409);
        assertThat(nc(app, "inspector", id).get("answers")).hasSize(1);
    }

    @Test
    void a_missed_deadline_terminates_a_cec_case_once_and_the_job_is_idempotent_R_NC_3_002_5_6() {
        long app = fx.visitStarted("CEC-FURNITURE");
        long id = raise(app, "inspector", "A1-2.3@1", "未按期整改的不符合");
        LocalDate due = today().plusDays(3);
        ok(call("POST", "/api/nonconformities/" + app + "/issue", "inspector", Map.of("source", "ON_SITE_INSPECTION", "dueOn", due.toString())));
        try {
            // on the due date itself the answer is still in time: nothing happens
            clock.advanceDays(3);
            ncs.applyDeadlines();
            assertThat(cases.require(app).isOpen()).isTrue();
            // the day after: the scheme's consequence TERMINATE (002 §5.6) ends the case, with the reason
            clock.advanceDays(1);
            assertThat(ncs.applyDeadlines()).isGreaterThanOrEqualTo(1);
            assertThat(cases.require(app).isOpen()).isFalse();
            JsonNode n = nc(app, "inspector", id);
            assertThat(n.get("consequence").asString()).isEqualTo("TERMINATE");
            String at = n.get("consequenceAt").asString();
            // the client and the case manager are told (R-NC-3)
            String ref = cases.require(app).reference();
            awaitNotice("client-motor", cn.cfp.notification.NotificationKind.NC_DEADLINE_MISSED, ref);
            awaitNotice("pm", cn.cfp.notification.NotificationKind.NC_DEADLINE_MISSED, ref);
            // ... in words, not the consequence's code
            String body = context.getBean(cn.cfp.notification.Notifications.class)
                    .of(fx.who("pm"), cn.cfp.shared.Paging.of(0, 200), java.util.Locale.CHINA).items().stream()
                    .filter(x -> x.kind() == cn.cfp.notification.NotificationKind.NC_DEADLINE_MISSED && x.title().contains(ref))
                    .findFirst().orElseThrow().text();
            assertThat(body).contains("认证终止").doesNotContain("TERMINATE");
            // a second run changes nothing
            assertThat(ncs.applyDeadlines()).isZero();
            assertThat(nc(app, "inspector", id).get("consequenceAt").asString()).isEqualTo(at);
            assertThat(nc(app, "inspector", id).get("nc").get("version").asInt()).isEqualTo(n.get("nc").get("version").asInt());
        } finally {
            clock.reset();
        }
    }

    @Test
    void a_missed_cgc_deadline_is_a_standing_fail_that_refuses_a_positive_conclusion_003_75() {
        long app = fx.visitStarted("CGC-R52003");
        ok(call("POST", "/api/nonconformities/" + app, "verifier", Map.of("source", "VERIFICATION", "sourceRef", "DATA",
                "clause", "003 ¶65", "description", "电力数据与发票不符", "ncClass", "GENERAL", "effectPercent", 2.5)));
        ok(call("POST", "/api/nonconformities/" + app + "/issue", "verifier", Map.of("source", "VERIFICATION", "dueOn", today().plusDays(2).toString())));
        long id = ok(call("GET", "/api/nonconformities/" + app, "verifier", null)).get(0).get("nc").get("id").asLong();
        try {
            clock.advanceDays(3);
            // after the due date the client can no longer answer (R-NC-3), even before the job ran
            assertThat(refused(answer(app, id, "client-motor", "迟到的回复", true), 409)).isEqualTo("nonconformity.pastDue");
            ncs.applyDeadlines();
            assertThat(cases.require(app).isOpen()).isTrue();
            assertThat(nc(app, "verifier", id).get("consequence").asString()).isEqualTo("FAIL");
            assertThat(refused(answer(app, id, "client-motor", "迟到的回复", true), 409)).isEqualTo("nonconformity.consequenceApplied");
            assertThat(ncs.noneFailed(app).reasons()).extracting(r -> r.code()).containsExactly("nonconformity.failed");
            assertThat(ncs.noneOpen(app, java.util.Set.of()).allowed()).isFalse();
        } finally {
            clock.reset();
        }
    }

    @Test
    void the_team_completes_nc_closure_only_when_no_nc_is_open_cicc_004_9_7() {
        long app = fx.visitStarted("CICC-ZY-GZ-20");
        // stage 1 and stage 2 are the evaluation and verification modules' work: completed here directly
        cases.complete(app, Stage.PRELIMINARY_EVALUATION, fx.who("inspector"), "stage 1 done");
        cases.complete(app, Stage.VERIFICATION, fx.who("verifier"), "stage 2 done");
        assertThat(fx.stages(app)).containsExactly(Stage.NC_CLOSURE);
        long id = ok(call("POST", "/api/nonconformities/" + app, "verifier", Map.of("source", "VERIFICATION", "sourceRef", "BOUNDARY",
                "clause", "004 §9.6", "description", "系统边界遗漏运输阶段"))).get("id").asLong();
        ok(call("POST", "/api/nonconformities/" + app + "/issue", "verifier", Map.of("source", "VERIFICATION", "dueOn", today().plusDays(7).toString())));
        // the generic title where the scheme names none
        HttpResponse<byte[]> pdf = http.sendForBytes("/api/nonconformities/" + app + "/lists/VERIFICATION.pdf", "inspector");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("不符合项清单").contains("系统边界遗漏运输阶段");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // an inspector does not sign verification NCs (LEADER or VERIFIER)
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "inspector2",
                Map.of("accept", true, "method", "WRITTEN")), 403)).isEqualTo("nonconformity.roleMayNotSign");
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/closure", "inspector", Map.of()), 409)).isEqualTo("nonconformity.open");
        assertThat(fx.stages(app)).containsExactly(Stage.NC_CLOSURE);
        ok(answer(app, id, "client-motor", "补充运输阶段数据", true));
        // CICC may require an additional site visit: the method is recorded
        JsonNode closed = ok(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "verifier",
                Map.of("accept", true, "method", "ON_SITE")));
        assertThat(closed.get("method").asString()).isEqualTo("ON_SITE");
        JsonNode policies = ok(call("POST", "/api/nonconformities/" + app + "/closure", "inspector", Map.of("note", "问题项均已关闭")));
        assertThat(policies.get("noneOpen").get("allowed").asBoolean()).isTrue();
        assertThat(cases.require(app).passed(Stage.NC_CLOSURE)).isTrue();
        assertThat(fx.stages(app)).doesNotContain(Stage.NC_CLOSURE);
    }

    @Test
    void a_cgc_quantification_nc_shows_the_re_evaluation_deadline_and_closes_only_with_the_amended_claim_003_73() {
        long app = fx.visitStarted("CGC-R52003");
        long id = ok(call("POST", "/api/nonconformities/" + app, "verifier", Map.of("source", "VERIFICATION", "sourceRef", "EF",
                "clause", "003 ¶65", "description", "排放因子引用错误", "ncClass", "SERIOUS", "effectPercent", 12))).get("id").asLong();
        JsonNode issued = ok(call("POST", "/api/nonconformities/" + app + "/issue", "verifier",
                Map.of("source", "VERIFICATION", "dueOn", today().plusDays(10).toString())));
        // issued the same day the NC was raised on site: within 5-10 WD, no note (003 ¶71 "可")
        assertThat(issued.get("notes")).isEmpty();
        // the list names the class as the scheme does (严重不符合), not its key
        HttpResponse<byte[]> list = http.sendForBytes("/api/nonconformities/" + app + "/lists/VERIFICATION.pdf", "verifier");
        try (PDDocument doc = Loader.loadPDF(list.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("严重不符合").doesNotContain("SERIOUS");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ok(answer(app, id, "client-motor", "更正排放因子并重新计算", true));
        // the re-evaluation deadline: 15 working days (the scheme's 10-15, the later end) after the complete reply today
        JsonNode answered = nc(app, "verifier", id);
        assertThat(answered.get("reEvaluationDueOn").asString())
                .isEqualTo(context.getBean(cn.cfp.calendar.WorkingDayCalendar.class).plusWorkingDays(today(), 15).date().toString());
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "verifier",
                Map.of("accept", true, "method", "WRITTEN")), 400)).isEqualTo("nonconformity.claimAmendmentRequired");
        assertThat(nc(app, "verifier", id).get("nc").get("status").asString()).isEqualTo("ANSWERED");
        // the reference must be a recalculation of this case (the verification module checks it), and the amended claim
        // must state its result: the worked example of VerificationWorkflowTest recalculates to 17.5 kg
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "verifier",
                Map.of("accept", true, "method", "WRITTEN", "recalculationRef", "CALC-2026-017", "amendedClaim", "17.5")), 400))
                .isEqualTo("verification.recalculation.unknown");
        cn.cfp.verification.Verifications verifications = context.getBean(cn.cfp.verification.Verifications.class);
        byte[] inventory;
        try (var in = getClass().getResourceAsStream("/verification/three-process.json")) {
            inventory = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        verifications.submit(fx.who("client-motor"), app, "bracket.json", inventory, new java.math.BigDecimal("17.5"));
        fx.claimConforms(app);
        long recalc = verifications.recalculate(fx.who("verifier"), app, null, null).id();
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "verifier",
                Map.of("accept", true, "method", "WRITTEN", "recalculationRef", String.valueOf(recalc), "amendedClaim", "12.8")), 400))
                .isEqualTo("verification.recalculation.claimMismatch");
        JsonNode closed = ok(call("POST", "/api/nonconformities/" + app + "/" + id + "/verification", "verifier",
                Map.of("accept", true, "method", "WRITTEN", "recalculationRef", String.valueOf(recalc), "amendedClaim", "17.50")));
        assertThat(closed.get("nc").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("recalculationRef").asString()).isEqualTo(String.valueOf(recalc));
        assertThat(closed.get("amendedClaim").asString()).isEqualTo("17.50");
    }

    @Test
    void cgc_issuing_more_than_10_working_days_after_the_on_site_work_is_noted_not_refused_003_71() {
        long app = fx.visitStarted("CGC-R52003");
        ok(call("POST", "/api/nonconformities/" + app, "verifier", Map.of("source", "VERIFICATION", "sourceRef", "CUTOFF",
                "clause", "003 ¶21", "description", "取舍说明不充分", "ncClass", "OBSERVATION")));
        try {
            // raised today (the on-site verification); 21 calendar days later is at least 11 working days (3 full weeks
            // give 15 Monday-to-Friday days; even a week of public holidays leaves more than 10)
            clock.advanceDays(21);
            JsonNode issued = ok(call("POST", "/api/nonconformities/" + app + "/issue", "verifier",
                    Map.of("source", "VERIFICATION", "dueOn", today().plusDays(10).toString())));
            assertThat(issued.get("notes").get(0).get("code").asString()).isEqualTo("nonconformity.issueLate");
            assertThat(issued.get("nonconformities").get(0).get("nc").get("status").asString()).isEqualTo("ISSUED");
        } finally {
            clock.reset();
        }
    }
}
