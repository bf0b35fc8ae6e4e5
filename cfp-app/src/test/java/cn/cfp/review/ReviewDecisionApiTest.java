package cn.cfp.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.ReviewReadyFixture;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * The technical review and the certification decision over the REST API [R-REV-1, R-REV-2]: a case of every scheme from
 * TECHNICAL_REVIEW to its decision, with the refusals the rules demand checked by their reason codes.
 */
@CfpIntegrationTest
class ReviewDecisionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Reviews reviews;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    cn.cfp.cases.Cases cases;

    ReviewReadyFixture walk;
    final List<ReviewEvents.Decided> decided = new CopyOnWriteArrayList<>();
    ApplicationListener<ApplicationEvent> listener;

    @BeforeEach
    void setUp() {
        walk = new ReviewReadyFixture(context, port);
        listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof ReviewEvents.Decided d) {
                decided.add(d);
            }
        };
        ((ConfigurableApplicationContext) context).addApplicationListener(listener);
    }

    @AfterEach
    void tearDown() {
        ((ConfigurableApplicationContext) context).removeApplicationListener(listener);
    }

    /**
     * Every scheme: unanswered items and an open question block the completion; the question goes round twice; the
     * completed review puts the case at DECISION; CNEX and CICC need the approval first; CGC's 通过 is refused for a case
     * that had a nonconformity (the fixture's one finding, closed) and 不符合项纠正后通过 taken; the case ends CERTIFIED.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CNCA-CFP-00,    4, false, PASS",
            "CNEX-01-G,      4, true,  PASS",
            "CEC-FURNITURE,  4, false, PASS",
            "CGC-R52003,     4, false, PASS_AFTER_NC_CLOSURE",
            "CICC-ZY-GZ-20,  6, true,  PASS"})
    void a_case_of_every_scheme_goes_from_technical_review_to_its_decision_R_REV_1_R_REV_2(String scheme, int items,
                                                                                         boolean approval, String outcome) throws IOException {
        long app = walk.readyForReview(scheme);
        JsonNode v = walk.ok(walk.call("GET", "/api/review/" + app, "reviewer", null));
        assertThat(v.get("stage").asString()).isEqualTo("TECHNICAL_REVIEW");
        assertThat(v.get("items")).hasSize(items);
        assertThat(v.get("approvalBy").isNull()).isEqualTo(!approval);
        assertThat(v.get("failureNoticeDue").isNull()).as("only CEC sets a failure-notice term in days").isEqualTo(!scheme.equals("CEC-FURNITURE"));

        // a decision before the review is complete
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", outcome)), 409))
                .containsExactly("review.notCompleted");
        // nothing answered: one reason per item
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/completion", "reviewer", Map.of()), 409))
                .hasSize(items).containsOnly("review.itemUnanswered");

        // a question, answered, asked again, answered, accepted
        JsonNode q = walk.ok(walk.call("POST", "/api/review/" + app + "/questions", "reviewer", Map.of("text", "请说明电表读数的来源")));
        long qid = q.get("questions").get(0).get("id").asLong();
        String qp = "/api/review/" + app + "/questions/" + qid;
        assertThat(walk.refused(walk.call("POST", qp + "/accept", "reviewer", null), 409)).containsExactly("review.questionNotAnswered");
        walk.ok(walk.call("POST", qp + "/answer", "inspector", Map.of("text", "抄表记录见现场检查记录")));
        walk.ok(walk.call("POST", qp + "/again", "reviewer", Map.of("text", "请附抄表照片")));
        walk.ok(walk.call("POST", qp + "/answer", "inspector2", Map.of("text", "已上传照片")));

        List<Map<String, Object>> answers = new ArrayList<>();
        v.get("items").forEach(i -> answers.add(Map.of("key", i.get("key").asString(), "answer", "CONFORMS", "note", "已确认")));
        walk.ok(walk.call("POST", "/api/review/" + app + "/items", "reviewer", Map.of("answers", answers)));
        // every item answered, but the question is still open
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/completion", "reviewer", Map.of()), 409))
                .containsExactly("review.questionOpen");
        JsonNode accepted = walk.ok(walk.call("POST", qp + "/accept", "reviewer", null));
        JsonNode rounds = accepted.get("questions").get(0).get("rounds");
        assertThat(rounds).hasSize(4);
        assertThat(List.of(rounds.get(0).get("kind").asString(), rounds.get(1).get("kind").asString(),
                rounds.get(2).get("kind").asString(), rounds.get(3).get("kind").asString()))
                .containsExactly("ANSWER", "ASK_AGAIN", "ANSWER", "ACCEPT");
        assertThat(rounds.get(2).get("by").asString()).isEqualTo("inspector2");

        walk.ok(walk.call("POST", "/api/review/" + app + "/completion", "reviewer", Map.of("text", "评审通过")));
        assertThat(walk.stages(app)).containsExactly(Stage.DECISION);

        if (approval) {
            assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", outcome)), 409))
                    .containsExactly("review.approvalMissing");
            walk.ok(walk.call("POST", "/api/review/" + app + "/approval", "decider", Map.of("text", "同意交付")));
        } else {
            assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/approval", "decider", Map.of()), 409))
                    .containsExactly("review.noApprovalInScheme");
        }
        if (outcome.equals("PASS_AFTER_NC_CLOSURE")) {
            // CGC 通过 = no NC found at all [003 ¶75]; this case had one
            assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", "PASS")), 409))
                    .containsExactly("review.outcomeOnlyWithoutNc");
        }
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", "MAYBE")), 400))
                .containsExactly("review.unknownOutcome");
        JsonNode d = walk.ok(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", outcome)));
        assertThat(d.get("decision").get("result").asString()).isEqualTo("CERTIFIED");
        assertThat(walk.ok(walk.call("GET", "/api/cases/" + app, "pm", null)).get("status").asString()).isEqualTo("CERTIFIED");
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", outcome)), 409))
                .contains("cases.closed");

        ReviewEvents.Decided e = decided.stream().filter(x -> x.applicationId() == app).findFirst().orElseThrow();
        assertThat(e.schemeCode()).isEqualTo(scheme);
        assertThat(e.outcome()).isEqualTo(outcome);
        assertThat(e.certify()).isTrue();
        assertThat(e.deciderUserId()).isEqualTo(walk.onSite().who("decider").id());
        assertThat(e.reviewerUserIds()).containsExactly(walk.onSite().who("reviewer").id());
        assertThat(e.reference()).isNotBlank();
        assertThat(e.caseId()).isPositive();

        // the decision notice, for the client too, in Chinese
        HttpResponse<byte[]> pdf = walk.http().sendForBytes("/api/review/" + app + "/decision.pdf", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("认证决定通知书", e.reference(), "通过认证，颁发证书", "复核人员 孙丽", "认证决定人员 周涛");
        }
        assertThat(walk.http().sendForBytes("/api/review/" + app + "/negative.pdf", "client-motor").statusCode()).isEqualTo(404);
    }

    /** Independence [R-REV-1]: a team member, the project manager and (CNEX) the report preparer are refused by name. */
    @Test
    void team_members_the_manager_and_the_cnex_report_preparer_may_neither_review_nor_decide_R_REV_1() {
        long app = walk.readyForReview("CNEX-01-G");
        Actor inspector = as("inspector", Role.REVIEWER, Role.DECISION_MAKER);
        assertThat(codes(() -> reviews.take(inspector, app))).containsExactly("review.reviewerInTeam");
        assertThat(reviews.mayReview(inspector, app).reasons().get(0).args()).contains("LEADER");
        assertThat(codes(() -> reviews.take(as("pm", Role.REVIEWER), app))).containsExactly("review.reviewerIsManager");
        Actor preparer = as("preparer", Role.REVIEWER, Role.DECISION_MAKER);
        assertThat(codes(() -> reviews.take(preparer, app))).containsExactly("review.reviewerPreparedReport");
        // over HTTP: a team member without a reviewer's role does not reach the review at all
        assertThat(walk.call("POST", "/api/review/" + app + "/take", "inspector", null).statusCode()).isEqualTo(403);

        completeReview(app, "decider");   // CNEX: one 复核与决定人员 may review and decide [001 §9.7]
        walk.ok(walk.call("POST", "/api/review/" + app + "/approval", "decider", null));
        assertThat(codes(() -> reviews.decide(preparer, app, new ReviewInputs.DecisionInput("PASS", null))))
                .containsExactly("review.deciderPreparedReport");
        assertThat(codes(() -> reviews.decide(as("verifier", Role.DECISION_MAKER), app, new ReviewInputs.DecisionInput("PASS", null))))
                .containsExactly("review.deciderInTeam");
        walk.ok(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", "PASS")));
        assertThat(decided.stream().filter(x -> x.applicationId() == app).findFirst().orElseThrow().reviewerUserIds())
                .containsExactly(walk.onSite().who("decider").id());
    }

    /** CGC separates 复核人员 and 认证决定人员 [003 ¶76, ¶79]: the reviewer may not decide. */
    @Test
    void where_the_scheme_separates_them_the_reviewer_may_not_decide_R_REV_2() {
        long app = walk.readyForReview("CGC-R52003");
        Actor both = as("reviewer", Role.REVIEWER, Role.DECISION_MAKER);
        completeReview(app, "reviewer");
        assertThat(codes(() -> reviews.decide(both, app, new ReviewInputs.DecisionInput("PASS_AFTER_NC_CLOSURE", null))))
                .containsExactly("review.deciderReviewed");
    }

    /** No decision while a nonconformity is open [R-REV-2; 000 §7.7]; a negative outcome needs reasons and terminates. */
    @Test
    void an_open_nonconformity_blocks_the_decision_and_a_fail_needs_reasons_and_terminates_the_case_R_REV_2() throws IOException {
        long app = walk.readyForReview("CNCA-CFP-00");
        completeReview(app, "reviewer");
        nonconformities.raise(walk.onSite().who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "REVIEW-1",
                "000 §7.7", "复核发现运输距离未核实", null, null, null));
        List<String> codes = walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", "PASS")), 409);
        assertThat(codes).containsExactly("review.decisionWithOpenNc", "nonconformity.open");
        // a FAIL is equally impossible while the NC is open
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider",
                Map.of("outcome", "FAIL", "reasons", "x")), 409)).contains("review.decisionWithOpenNc");
        assertThat(walk.ok(walk.call("GET", "/api/review/" + app, "decider", null)).get("decision").isNull()).isTrue();
    }

    @Test
    void a_negative_decision_needs_reasons_ends_the_case_and_has_a_written_notice_with_them_R_REV_2() throws IOException {
        long app = walk.readyForReview("CEC-FURNITURE");
        // CEC: the failure notice within 30 days after the inspection is completed [002 §5.7.3]
        LocalDate inspected = cases.require(app).completedOn(Stage.ON_SITE_INSPECTION).orElseThrow();
        assertThat(walk.ok(walk.call("GET", "/api/review/" + app, "reviewer", null)).get("failureNoticeDue").asString())
                .isEqualTo(inspected.plusDays(30).toString());
        completeReview(app, "reviewer");
        assertThat(walk.refused(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", "FAIL")), 400))
                .containsExactly("review.reasonsRequired");
        JsonNode d = walk.ok(walk.call("POST", "/api/review/" + app + "/decision", "decider",
                Map.of("outcome", "FAIL", "reasons", "功能单位与产品种类规则不一致")));
        assertThat(d.get("decision").get("result").asString()).isEqualTo("NOT_CERTIFIED");
        assertThat(walk.ok(walk.call("GET", "/api/cases/" + app, "pm", null)).get("status").asString()).isEqualTo("NOT_CERTIFIED");
        assertThat(decided.stream().filter(x -> x.applicationId() == app).findFirst().orElseThrow().certify()).isFalse();
        HttpResponse<byte[]> pdf = walk.http().sendForBytes("/api/review/" + app + "/negative.pdf", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("不予认证通知书", "功能单位与产品种类规则不一致", "不予认证，不颁发证书", "终止后须整改完成后重新申请");
        }
    }

    /** 000: 存在不合格结论的，认证终止 [000 §7.7] — FAIL terminates the case (its clock stops) with a termination notice. */
    @Test
    void a_fail_under_the_national_base_scheme_terminates_the_case_with_a_notice_R_REV_2() throws IOException {
        long app = walk.readyForReview("CNCA-CFP-00");
        completeReview(app, "reviewer");
        walk.ok(walk.call("POST", "/api/review/" + app + "/decision", "decider", Map.of("outcome", "FAIL", "reasons", "核查结论不合格")));
        JsonNode c = walk.ok(walk.call("GET", "/api/cases/" + app, "pm", null));
        assertThat(c.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(c.get("currentStages")).isEmpty();
        HttpResponse<byte[]> pdf = walk.http().sendForBytes("/api/review/" + app + "/negative.pdf?lang=en", "client-motor");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Notice of termination of certification", "核查结论不合格");
        }
    }

    /** The review page in Chinese by default and in English with ?lang=en, each in one language; my-work lists the case. */
    @Test
    void the_review_page_renders_in_chinese_and_in_english_and_my_work_lists_the_case() {
        long app = walk.readyForReview("CICC-ZY-GZ-20");
        HttpResponse<String> zh = walk.http().send("GET", "/review/" + app, "reviewer");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("技术评审与认证决定", "核查评价人天按照规则计算确定", "保存评审结论", "总经理/管代")
                .doesNotContain("Technical review and certification decision");
        HttpResponse<String> en = walk.http().send("GET", "/review/" + app + "?lang=en", "reviewer");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Technical review and certification decision", "man-days calculated per the rules",
                "Save the findings").doesNotContain("保存评审结论");
        // the team leader sees why they may not review, in words
        HttpResponse<String> leader = walk.http().send("GET", "/review/" + app, "inspector");
        assertThat(leader.body()).contains("reviewer-why").doesNotContain("id=\"items-form\"");
        // a refused form comes back to its page (303) with the reasons in words
        HttpResponse<String> refused = form(app, "reviewer", "completion", "completion-form");
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(walk.http().follow(refused, "reviewer").body()).contains("refusal-reasons", "评审内容尚未回答：1) 核查评价人天按照规则计算确定");
        HttpResponse<String> saved = form(app, "reviewer", "items", "items-form", "answer_MAN_DAYS_APPROVED", "NOT_CONFORMS");
        assertThat(walk.http().follow(saved, "reviewer").body()).contains("评审内容 MAN_DAYS_APPROVED 判定为不符合，请写明说明");
        form(app, "reviewer", "items", "items-form", "answer_MAN_DAYS_APPROVED", "CONFORMS", "note_MAN_DAYS_APPROVED", "人天经批准");
        assertThat(walk.ok(walk.call("GET", "/api/review/" + app, "reviewer", null)).get("items").get(0).get("answer").asString())
                .isEqualTo("CONFORMS");
        String ref = walk.ok(walk.call("GET", "/api/review/" + app, "reviewer", null)).get("reference").asString();
        assertThat(walk.http().send("GET", "/mywork", "reviewer").body()).contains("对项目 " + ref + " 进行技术评审");
        assertThat(walk.http().send("GET", "/mywork", "inspector").body()).doesNotContain("对项目 " + ref + " 进行技术评审");
    }

    // ------------------------------------------------------------------ helpers

    private HttpResponse<String> form(long app, String user, String action, String formId, String... fields) {
        StringBuilder b = new StringBuilder("_form=" + formId + "&_page=" + URLEncoder.encode("/review/" + app, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            b.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return walk.http().send("POST", "/review/" + app + "/" + action, user, "application/x-www-form-urlencoded",
                b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void completeReview(long app, String reviewer) {
        JsonNode v = walk.ok(walk.call("GET", "/api/review/" + app, reviewer, null));
        List<Map<String, Object>> answers = new ArrayList<>();
        v.get("items").forEach(i -> answers.add(Map.of("key", i.get("key").asString(), "answer", "CONFORMS")));
        walk.ok(walk.call("POST", "/api/review/" + app + "/items", reviewer, Map.of("answers", answers)));
        walk.ok(walk.call("POST", "/api/review/" + app + "/completion", reviewer, Map.of()));
        assertThat(walk.stages(app)).containsExactly(Stage.DECISION);
    }

    /** The demo user with other roles (to prove the rule, not the access table, refuses). */
    private Actor as(String username, Role... roles) {
        Actor a = walk.onSite().who(username);
        return new Actor(a.id(), a.username(), a.displayName(), Set.of(roles), null);
    }

    private static List<String> codes(Runnable r) {
        List<String> out = new ArrayList<>();
        assertThatThrownBy(r::run).isInstanceOfSatisfying(Refusal.class, e -> e.reasons().stream().map(Reason::code).forEach(out::add));
        return out;
    }
}
