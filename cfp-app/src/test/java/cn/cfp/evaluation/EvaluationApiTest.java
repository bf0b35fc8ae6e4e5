package cn.cfp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.Actor;
import cn.cfp.access.ApiTokens;
import cn.cfp.audit.AuditRecord;
import cn.cfp.audit.AuditTrail;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9 item 7 over the REST API: CICC stage 1 deciding whether stage 2 can proceed [004 §9.5.2], the ≤ 6-month gap
 * to stage 2 [004 §9.5.1], CGC's claim-and-evidence evaluation as a loop with the client's supplements and the case clock
 * paused meanwhile [003 ¶58–62], and the consistency check of an adopted prior verification [003 ¶38, ¶63, ¶67].
 */
@CfpIntegrationTest
class EvaluationApiTest {

    static final String CICC = "CICC-ZY-GZ-20";
    static final String CGC = "CGC-R52003";
    static final List<String> STAGE1_ITEMS = List.of("A", "B", "C", "D", "E", "F");
    static final List<String> CLAIM_ITEMS = List.of("KEY_STAGES", "KEY_INDICATORS", "ACTIVITY_DATA", "FACTORS", "ON_SITE_FOCUS", "PRIOR_RESULT");

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
    Cases cases;
    @Autowired
    Evaluations evaluations;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    AuditTrail audit;

    TestHttp http;
    OnSiteFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new OnSiteFixture(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    HttpResponse<String> post(String path, String user, String body) {
        return http.send("POST", path, user, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    List<String> refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        List<String> codes = new java.util.ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }

    JsonNode gate(long app, String which) {
        return ok(http.send("GET", "/api/evaluation/" + app + "/" + which, "verifier"));
    }

    static String answers(List<String> items, String nonconforming, String note, Long evidenceId) {
        return items.stream().map(i -> i.equals(nonconforming)
                        ? "{\"item\":\"" + i + "\",\"conclusion\":\"NONCONFORMS\",\"note\":\"" + note + "\""
                        + (evidenceId == null ? "" : ",\"evidenceIds\":[" + evidenceId + "]") + "}"
                        : "{\"item\":\"" + i + "\",\"conclusion\":\"CONFORMS\",\"note\":\"已核对\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    long upload(long app, String user) {
        TestHttp.Multipart m = new TestHttp.Multipart().file("file", "evidence.pdf", CaseFixture.PDF);
        HttpResponse<String> r = http.send("POST", "/api/evaluation/" + app + "/evidence", user, m.contentType(), m.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("id").asLong();
    }

    String stage1(String answers, String decision) {
        return "{\"onSite\":false,\"combinedWithDocumentCheck\":true,\"answers\":" + answers + ",\"decision\":\"" + decision
                + "\",\"reason\":\"系统边界与排放源识别合理，具备二阶段条件\"}";
    }

    /** A CICC case whose document check conformed: it is at stage 1. */
    long atStage1() {
        long app = fx.atOnSite(CICC);
        assertThat(fx.stages(app)).containsExactly(Stage.PRELIMINARY_EVALUATION);
        return app;
    }

    // ------------------------------------------------------------------ CICC stage 1 and the gap

    @Test
    void stage1_proceed_completes_the_preliminary_evaluation_raises_its_findings_and_the_case_is_at_stage_2_004_9_5_2() {
        long app = atStage1();
        long evidence = upload(app, "verifier");
        // an incomplete stage 1 is refused in words, nothing stored: every item A)–F) must be answered
        List<String> codes = refused(post("/api/evaluation/" + app + "/stage1", "verifier",
                "{\"onSite\":false,\"answers\":[{\"item\":\"A\",\"conclusion\":\"CONFORMS\"}],\"decision\":\"PROCEED\"}"), 400);
        assertThat(codes).contains("evaluation.answer.missing", "evaluation.stage1.reasonRequired");
        assertThat(evaluations.view(app).stage1()).isEmpty();
        // an inspector of the team may not sign verification work
        assertThat(refused(post("/api/evaluation/" + app + "/stage1", "inspector2",
                stage1(answers(STAGE1_ITEMS, null, null, null), "PROCEED")), 403)).containsExactly("evaluation.roleNotAllowed");

        JsonNode round = ok(post("/api/evaluation/" + app + "/stage1", "verifier",
                stage1(answers(STAGE1_ITEMS, "C", "排放因子选取未说明来源", evidence), "PROCEED")));
        assertThat(round.get("round").asInt()).isEqualTo(1);
        assertThat(round.get("conclusion").asString()).isEqualTo("PROCEED");
        assertThat(round.get("onSite").asBoolean()).isFalse();
        assertThat(round.get("combinedWithDocumentCheck").asBoolean()).isTrue();

        // the finding C) is a nonconformity of stage 1, for stage 2 to verify closed [004 §9.6.2 1)]
        List<NonconformityView> ncs = nonconformities.of(app);
        assertThat(ncs).hasSize(1);
        assertThat(ncs.get(0).source()).isEqualTo(Stage.PRELIMINARY_EVALUATION);
        assertThat(ncs.get(0).clause()).isEqualTo("004 §9.5.2 C)");
        assertThat(ncs.get(0).description()).isEqualTo("排放因子选取未说明来源");
        assertThat(round.get("nonconformities").get(0).asInt()).isEqualTo(ncs.get(0).number());
        // PROCEED completed the stage: the case is at stage 2 (VERIFICATION)
        assertThat(fx.stages(app)).containsExactly(Stage.VERIFICATION);
        assertThat(cases.require(app).completedOn(Stage.PRELIMINARY_EVALUATION)).contains(LocalDate.now(clock));
        assertThat(audit.forTarget("application:" + app)).extracting(AuditRecord::action)
                .contains("EVALUATION_EVIDENCE_UPLOADED", "EVALUATION_STAGE1_ROUND", "NC_RAISED");
        // read back through the API, with the scheme's items
        JsonNode view = ok(http.send("GET", "/api/evaluation/" + app, "client-motor"));
        assertThat(view.get("stage1").get(0).get("answers").get(2).get("evidenceIds").get(0).asLong()).isEqualTo(evidence);
        assertThat(view.get("stage1Scheme").get("value").get("items").size()).isEqualTo(6);
    }

    @Test
    void stage1_not_proceeding_leaves_the_stage_open_for_another_round_or_the_managers_termination_004_9_5_2_F() {
        long app = atStage1();
        String notProceed = "{\"onSite\":true,\"answers\":" + answers(STAGE1_ITEMS, "B", "排放源识别不充分", null)
                + ",\"decision\":\"NOT_PROCEED\",\"reason\":\"排放源识别不充分\",\"request\":\"补充排放源清单\"}";
        ok(post("/api/evaluation/" + app + "/stage1", "inspector", notProceed));
        assertThat(fx.stages(app)).containsExactly(Stage.PRELIMINARY_EVALUATION);
        // the next round waits for the client's supplement
        assertThat(refused(post("/api/evaluation/" + app + "/stage1", "verifier", stage1(answers(STAGE1_ITEMS, null, null, null), "PROCEED")), 409))
                .containsExactly("evaluation.round.awaitingSupplement");
        // the team cannot terminate, the manager can
        assertThat(refused(post("/api/evaluation/" + app + "/termination", "verifier", "{\"reason\":\"x\"}"), 403)).isNotEmpty();
        ok(post("/api/evaluation/" + app + "/supplements", "client-motor", "{\"kind\":\"STAGE1\",\"note\":\"已补充排放源清单\"}"));
        ok(post("/api/evaluation/" + app + "/termination", "pm", "{\"reason\":\"委托方决定不再继续\"}"));
        assertThat(cases.require(app).isOpen()).isFalse();
    }

    @Test
    void a_second_stage_started_before_the_first_is_refused_by_the_route_004_9_5_1() {
        long app = atStage1();
        assertThat(refused(post("/api/evaluation/" + app + "/stage2-start", "verifier", null), 409)).containsExactly("cases.notAtStage");
        JsonNode g = gate(app, "stage2-gate");
        assertThat(g.get("allowed").asBoolean()).isFalse();
        assertThat(g.get("reasons").get(0).get("code").asString()).isEqualTo("evaluation.stage2.stage1NotCompleted");
        assertThat(evaluations.view(app).stage2()).isNull();
    }

    @Test
    void stage_2_may_start_on_the_last_day_of_the_6_months_and_is_refused_the_day_after_004_9_5_1() {
        long app = atStage1();
        ok(post("/api/evaluation/" + app + "/stage1", "verifier", stage1(answers(STAGE1_ITEMS, null, null, null), "PROCEED")));
        LocalDate done = LocalDate.now(clock);
        // the same day: allowed, with the note that consecutive stages are not recommended
        JsonNode now = gate(app, "stage2-gate");
        assertThat(now.get("allowed").asBoolean()).isTrue();
        assertThat(now.get("notes").get(0).get("code").asString()).isEqualTo("evaluation.stage2.consecutive");
        // "不应超过 6 个月": e.g. done 2026-12-03 → last day 2027-06-03 (LocalDate.plusMonths; 31 Aug → 28/29 Feb)
        LocalDate last = done.plusMonths(6);
        assertThat(StageGapPolicy.lastStartDay(done, 6)).isEqualTo(last);
        clock.advanceDays(ChronoUnit.DAYS.between(done, last) + 1);
        JsonNode late = gate(app, "stage2-gate");
        assertThat(late.get("allowed").asBoolean()).isFalse();
        assertThat(late.get("reasons").get(0).get("code").asString()).isEqualTo("evaluation.stage2.gapExceeded");
        assertThat(refused(post("/api/evaluation/" + app + "/stage2-start", "verifier", null), 409)).containsExactly("evaluation.stage2.gapExceeded");
        assertThat(evaluations.view(app).stage2()).isNull();
        // back to the last day: allowed, no note; the start is recorded with its gap
        clock.advanceDays(-1);
        JsonNode onLast = gate(app, "stage2-gate");
        assertThat(onLast.get("allowed").asBoolean()).isTrue();
        assertThat(onLast.get("notes").size()).isZero();
        JsonNode start = ok(post("/api/evaluation/" + app + "/stage2-start", "verifier", null));
        assertThat(start.get("on").asString()).isEqualTo(last.toString());
        assertThat(start.get("gapDays").asLong()).isEqualTo(ChronoUnit.DAYS.between(done, last));
        assertThat(refused(post("/api/evaluation/" + app + "/stage2-start", "verifier", null), 409)).containsExactly("evaluation.stage2.alreadyStarted");
        // once started, the gate stays open (the gap was kept on the day it started)
        clock.advanceDays(30);
        assertThat(evaluations.stage2Gate(app).allowed()).isTrue();
        assertThat(audit.forTarget("application:" + app)).extracting(AuditRecord::action).contains("EVALUATION_STAGE2_STARTED");
    }

    @Test
    void the_gap_policy_reads_6_months_inclusive_of_the_last_day_and_month_ends_004_9_5_1() {
        // 2026-08-31 + 6 months = 2027-02-28 (no 31 February): allowed on 28 Feb, refused on 1 March
        assertThat(StageGapPolicy.check(LocalDate.of(2026, 8, 31), 6, LocalDate.of(2027, 2, 28), "004 §9.5.1").allowed()).isTrue();
        assertThat(StageGapPolicy.check(LocalDate.of(2026, 8, 31), 6, LocalDate.of(2027, 3, 1), "004 §9.5.1").allowed()).isFalse();
        // 2026-01-15 → 2026-07-15 allowed, 2026-07-16 refused; the next day after stage 1 is allowed with a note
        assertThat(StageGapPolicy.check(LocalDate.of(2026, 1, 15), 6, LocalDate.of(2026, 7, 15), "c").allowed()).isTrue();
        assertThat(StageGapPolicy.check(LocalDate.of(2026, 1, 15), 6, LocalDate.of(2026, 7, 16), "c").allowed()).isFalse();
        Verdict next = StageGapPolicy.check(LocalDate.of(2026, 1, 15), 6, LocalDate.of(2026, 1, 16), "c");
        assertThat(next.allowed()).isTrue();
        assertThat(next.notes()).extracting(cn.cfp.shared.Reason::code).containsExactly("evaluation.stage2.consecutive");
        assertThat(StageGapPolicy.check(LocalDate.of(2026, 1, 15), 6, LocalDate.of(2026, 1, 17), "c").notes()).isEmpty();
        assertThat(StageGapPolicy.check(null, 6, LocalDate.of(2026, 1, 17), "c").allowed()).isFalse();
    }

    // ------------------------------------------------------------------ CGC claim-and-evidence evaluation

    /** A CGC case at its VERIFICATION stage (the inspection module's completion of the on-site inspection stands in). */
    long cgcAtVerification() {
        long app = fx.visitStarted(CGC);
        cases.complete(app, Stage.ON_SITE_INSPECTION, fx.who("inspector"), "on-site inspection done (test)");
        assertThat(fx.stages(app)).containsExactly(Stage.VERIFICATION);
        return app;
    }

    String claim(String answers, String conclusion, String findings, String request) {
        return "{\"answers\":" + answers + ",\"conclusion\":\"" + conclusion + "\",\"findings\":" + quoted(findings)
                + ",\"request\":" + quoted(request) + "}";
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void a_claim_that_does_not_conform_pauses_the_clock_until_the_supplement_and_conforming_opens_the_on_site_gate_003_60_61() {
        long app = cgcAtVerification();
        assertThat(gate(app, "on-site-verification-gate").get("allowed").asBoolean()).isFalse();
        ok(post("/api/evaluation/" + app + "/claim", "verifier",
                claim(answers(CLAIM_ITEMS, "ACTIVITY_DATA", "外购电力数据缺 3 个月", null), "DOES_NOT_CONFORM", "活动水平数据不完整", "补充 2025 年 10-12 月电费单")));
        // the client's time to supply evidence is not counted [003 ¶59]
        assertThat(cases.require(app).paused()).isTrue();
        JsonNode closed = gate(app, "on-site-verification-gate");
        assertThat(closed.get("allowed").asBoolean()).isFalse();
        assertThat(closed.get("reasons").get(0).get("code").asString()).isEqualTo("evaluation.gate.claimNotPassed");
        // no next round before the client's supplement
        assertThat(refused(post("/api/evaluation/" + app + "/claim", "verifier", claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)), 409))
                .containsExactly("evaluation.round.awaitingSupplement");
        // only the applicant supplements, with evidence uploaded to the case
        assertThat(refused(post("/api/evaluation/" + app + "/supplements", "verifier", "{\"kind\":\"CLAIM\",\"note\":\"x\"}"), 403)).isNotEmpty();
        long bills = upload(app, "client-motor");
        JsonNode supplemented = ok(post("/api/evaluation/" + app + "/supplements", "client-motor",
                "{\"kind\":\"CLAIM\",\"note\":\"已补充电费单\",\"evidenceIds\":[" + bills + "]}"));
        assertThat(supplemented.get("supplement").get("evidenceIds").get(0).asLong()).isEqualTo(bills);
        assertThat(cases.require(app).paused()).isFalse();
        assertThat(cases.require(app).pauses()).hasSize(1);
        assertThat(cases.require(app).pauses().get(0).reason()).contains("003 ¶59");

        JsonNode second = ok(post("/api/evaluation/" + app + "/claim", "verifier",
                claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)));
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(gate(app, "on-site-verification-gate").get("allowed").asBoolean()).isTrue();
        assertThat(evaluations.onSiteVerificationGate(app).allowed()).isTrue();
        assertThat(refused(post("/api/evaluation/" + app + "/claim", "verifier", claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)), 409))
                .containsExactly("evaluation.round.passed");
        assertThat(audit.forTarget("application:" + app)).extracting(AuditRecord::action)
                .contains("EVALUATION_CLAIM_ROUND", "EVALUATION_SUPPLEMENT_SUBMITTED");
    }

    @Test
    void basically_conforming_opens_the_gate_with_what_to_verify_on_site_and_the_rounds_end_in_termination_003_60_62() {
        long basically = cgcAtVerification();
        assertThat(refused(post("/api/evaluation/" + basically + "/claim", "verifier",
                claim(answers(CLAIM_ITEMS, null, null, null), "BASICALLY_CONFORMS", "运输距离为估算", null)), 400))
                .containsExactly("evaluation.claim.requestRequiredBasically");
        ok(post("/api/evaluation/" + basically + "/claim", "verifier",
                claim(answers(CLAIM_ITEMS, null, null, null), "BASICALLY_CONFORMS", "运输距离为估算", "提供运输单据")));
        Verdict v = evaluations.onSiteVerificationGate(basically);
        assertThat(v.allowed()).isTrue();
        assertThat(v.notes()).extracting(cn.cfp.shared.Reason::code).containsExactly("evaluation.gate.verifyOnSite");
        assertThat(cases.require(basically).paused()).isFalse();

        // three rounds that do not conform (the scheme's rounds, decision D5): then only the manager's termination
        long failing = cgcAtVerification();
        for (int round = 1; round <= 3; round++) {
            String request = round < 3 ? "补充证据" : null;
            ok(post("/api/evaluation/" + failing + "/claim", "verifier",
                    claim(answers(CLAIM_ITEMS, "FACTORS", "排放因子不适用", null), "DOES_NOT_CONFORM", "排放因子不适用", request)));
            if (round < 3) {
                ok(post("/api/evaluation/" + failing + "/supplements", "client-motor", "{\"kind\":\"CLAIM\",\"note\":\"补充第 " + round + " 次\"}"));
            }
        }
        assertThat(cases.require(failing).paused()).isFalse();
        assertThat(evaluations.view(failing).claimTerminationDue()).isTrue();
        assertThat(refused(post("/api/evaluation/" + failing + "/claim", "verifier", claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)), 409))
                .containsExactly("evaluation.round.terminationDue");
        assertThat(refused(post("/api/evaluation/" + failing + "/termination", "pm", "{}"), 400)).containsExactly("evaluation.terminate.reasonRequired");
        ok(post("/api/evaluation/" + failing + "/termination", "pm", "{\"reason\":\"三轮声明及证据评价仍不符合要求 [003 ¶60]\"}"));
        assertThat(cases.require(failing).end()).hasValueSatisfying(e -> assertThat(e.outcome()).isEqualTo(cn.cfp.cases.CertificationCase.Outcome.TERMINATED));
    }

    @Test
    void someone_not_on_the_team_is_refused_and_nothing_is_recorded() {
        long app = cgcAtVerification();
        String outsider = "verifier-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        context.getBean(cn.cfp.access.UserDirectory.class).create("admin", outsider, "核查员 外组", "cfp-demo-2026",
                java.util.Set.of(cn.cfp.access.Role.VERIFIER), null);
        // the access table lets no one outside the team through …
        assertThat(post("/api/evaluation/" + app + "/claim", outsider, claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null))
                .statusCode()).isEqualTo(403);
        // … and the service refuses in words whoever calls it
        Actor who = new CaseFixture(context).who(outsider);
        assertThatThrownBy(() -> evaluations.recordClaim(who, app, new Evaluations.ClaimInput(List.of(), ClaimConclusion.CONFORMS, null, null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(cn.cfp.Messages.codes(r)).containsExactly("evaluation.notOnTeam"));
        assertThat(evaluations.view(app).claim()).isEmpty();
    }

    // ------------------------------------------------------------------ adopted prior verification

    /** A CGC case that adopted a prior verification (003 ¶38), brought to its VERIFICATION stage. */
    long adoptedAtVerification() {
        CaseFixture cf = fx.cases();
        long app = cf.submitted("client-motor", CGC, "PV13", 80, 10);
        LocalDate today = LocalDate.now(clock);
        context.getBean(cn.cfp.application.Applications.class).accept(fx.who("pm"), app, new cn.cfp.application.AcceptCommand(
                java.util.EnumSet.allOf(cn.cfp.application.ContractReview.class), today, "人民币 30,000 元", null,
                new cn.cfp.application.Exemptions.PriorVerification("CNAS-V-2026-0042", "某核查机构", true, today.minusMonths(2), true)));
        cf.awaitPlan(app);
        assertThat(cases.require(app).simplified()).containsExactly(Stage.VERIFICATION);
        var plans = context.getBean(cn.cfp.planning.Plans.class);
        Actor pm = fx.who("pm");
        plans.proposeTeam(pm, app, "PV13", List.of(new cn.cfp.planning.MemberInput(fx.userId("inspector"), cn.cfp.planning.TeamRole.LEADER),
                new cn.cfp.planning.MemberInput(fx.userId("verifier"), cn.cfp.planning.TeamRole.VERIFIER)));
        LocalDate visit = context.getBean(cn.cfp.calendar.WorkingDayCalendar.class).plusWorkingDays(today, 5).date();
        plans.setInspectionScheme(pm, app, new cn.cfp.planning.InspectionScheme("产品碳足迹标识认证（初次）", "一个单元", "光伏组件",
                "从摇篮到大门", "1 块组件", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "CGC-R52003", "企业保证能力检查",
                "一致性核查", "现场 1 天", visit));
        plans.setVerificationPlan(pm, app, new cn.cfp.planning.VerificationPlan("采信 CNAS-V-2026-0042 的核查声明", null, null, List.of(),
                cn.cfp.scheme.AssuranceLevel.LIMITED, new java.math.BigDecimal("5"), null, "核对声明中的 BOM 与现场", "比对声明与产品、现场一致性"));
        plans.approve(pm, app);
        plans.send(pm, app);
        context.getBean(cn.cfp.application.DocumentReviews.class).conclude(pm, app, cn.cfp.application.DocumentReviewConclusion.CONFORMS,
                "文件齐全", null, java.util.Map.of());
        if (!plans.visitGate(app).allowed()) {
            plans.confirm(fx.who("client-motor"), app, null, "同意");
        }
        plans.startVisit(fx.who("inspector"), app);
        cases.complete(app, Stage.ON_SITE_INSPECTION, fx.who("inspector"), "on-site inspection done (test)");
        assertThat(fx.stages(app)).containsExactly(Stage.VERIFICATION);
        return app;
    }

    static String consistencyAnswers(String failing) {
        return answers(List.of("CLAIM_MATCHES_PRODUCT", "STATEMENT_MATCHES_PRODUCT", "BOUNDARY_IDENTICAL", "MATCHES_SITE"), failing,
                "现场使用的电池片供应商与核查报告不同", null);
    }

    @Test
    void an_adopted_verification_is_checked_for_consistency_before_the_on_site_verification_003_63_67() {
        long app = adoptedAtVerification();
        // the claim evaluation is the consistency check here; the gate waits for it
        assertThat(refused(post("/api/evaluation/" + app + "/claim", "verifier", claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)), 409))
                .containsExactly("evaluation.claim.adopted");
        assertThat(gate(app, "on-site-verification-gate").get("reasons").get(0).get("code").asString()).isEqualTo("evaluation.gate.consistencyMissing");
        long statement = upload(app, "verifier");
        // "consistent" while an item does not match is refused, and the prior statement must be uploaded
        List<String> codes = refused(post("/api/evaluation/" + app + "/consistency", "verifier",
                "{\"verifiedClaim\":\"1 块组件 412.5 kgCO2e\",\"priorReference\":\"CNAS-V-2026-0042\",\"answers\":" + consistencyAnswers("MATCHES_SITE")
                        + ",\"conclusion\":\"CONSISTENT\"}"), 400);
        assertThat(codes).contains("evaluation.consistency.contradicts", "evaluation.consistency.evidenceRequired");
        assertThat(evaluations.consistencyCheck(app)).isEmpty();

        JsonNode check = ok(post("/api/evaluation/" + app + "/consistency", "verifier",
                "{\"verifiedClaim\":\"1 块组件 412.5 kgCO2e\",\"priorReference\":\"CNAS-V-2026-0042\",\"evidenceId\":" + statement
                        + ",\"answers\":" + consistencyAnswers("MATCHES_SITE") + ",\"conclusion\":\"INCONSISTENT\",\"followUp\":\"RAISE_NONCONFORMITY\","
                        + "\"note\":\"现场使用的电池片供应商与核查报告不同\",\"ncClass\":\"OBSERVATION\"}"));
        assertThat(check.get("conclusion").asString()).isEqualTo("INCONSISTENT");
        ConsistencyCheck stored = evaluations.consistencyCheck(app).orElseThrow();
        assertThat(stored.evidenceId()).isEqualTo(statement);
        assertThat(stored.evidenceSha256()).hasSize(64);
        assertThat(stored.answers()).hasSize(4);
        NonconformityView nc = nonconformities.of(app).get(0);
        assertThat(nc.source()).isEqualTo(Stage.VERIFICATION);
        assertThat(nc.clause()).isEqualTo("003 ¶67");
        assertThat(stored.nonconformity()).isEqualTo(nc.number());
        // the on-site verification goes ahead to verify the nonconformity
        Verdict g = evaluations.onSiteVerificationGate(app);
        assertThat(g.allowed()).isTrue();
        assertThat(g.notes()).extracting(cn.cfp.shared.Reason::code).containsExactly("evaluation.gate.inconsistencyRaised");
        assertThat(refused(post("/api/evaluation/" + app + "/consistency", "verifier", "{}"), 409)).containsExactly("evaluation.consistency.already");
        assertThat(audit.forTarget("application:" + app)).extracting(AuditRecord::action).contains("EVALUATION_CONSISTENCY_CHECKED");
    }

    @Test
    void an_inconsistent_adopted_verification_can_lead_to_the_full_verification_and_its_claim_evaluation_003_38() {
        long app = adoptedAtVerification();
        long statement = upload(app, "inspector");
        ok(post("/api/evaluation/" + app + "/consistency", "inspector",
                "{\"verifiedClaim\":\"1 块组件 412.5 kgCO2e\",\"priorReference\":\"CNAS-V-2026-0042\",\"evidenceId\":" + statement
                        + ",\"answers\":" + consistencyAnswers("BOUNDARY_IDENTICAL") + ",\"conclusion\":\"INCONSISTENT\",\"followUp\":\"FULL_VERIFICATION\","
                        + "\"note\":\"系统边界内的电池片工序不同\"}"));
        assertThat(nonconformities.of(app)).isEmpty();
        // the full verification: the claim-and-evidence evaluation decides the gate as for any case
        assertThat(evaluations.onSiteVerificationGate(app).reasons()).extracting(cn.cfp.shared.Reason::code)
                .containsExactly("evaluation.gate.claimMissing");
        ok(post("/api/evaluation/" + app + "/claim", "verifier", claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)));
        assertThat(evaluations.onSiteVerificationGate(app).allowed()).isTrue();
    }

    @Test
    void schemes_without_a_stage_1_or_a_claim_evaluation_have_open_gates_and_no_such_steps() {
        long app = fx.atOnSite("CNEX-01-G");
        assertThat(evaluations.stage2Gate(app).allowed()).isTrue();
        assertThat(evaluations.onSiteVerificationGate(app).allowed()).isTrue();
        assertThat(evaluations.consistencyCheck(app)).isEmpty();
        assertThat(refused(post("/api/evaluation/" + app + "/stage1", "verifier", stage1(answers(STAGE1_ITEMS, null, null, null), "PROCEED")), 409))
                .containsExactly("cases.stageNotInRoute");
        assertThat(refused(post("/api/evaluation/" + app + "/claim", "verifier", claim(answers(CLAIM_ITEMS, null, null, null), "CONFORMS", null, null)), 409))
                .containsExactly("evaluation.claim.notInScheme");
        JsonNode view = ok(http.send("GET", "/api/evaluation/" + app, "pm"));
        assertThat(view.get("stage1Scheme").get("value").isNull()).isTrue();
        assertThat(view.get("claimScheme").get("value").isNull()).isTrue();
    }
}
