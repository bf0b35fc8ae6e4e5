package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.Actor;
import cn.cfp.access.ApiTokens;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.notification.NotificationKind;
import cn.cfp.notification.NotificationView;
import cn.cfp.notification.Notifications;
import cn.cfp.shared.Paging;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corrections B-8, B-9, A-16 (issue 8 item 10, #15) over the REST API: after the on-site plan is sent, the applicant
 * confirms it or asks for a change [001 §9.6.2 "发给受核查方确认"; 003 ¶36 "与认证委托方商定…应修订检查计划，并保留修订记录";
 * 004 §9.4.3]; each answer and each revision is recorded; where the scheme requires the confirmation the visit cannot
 * start before it; CGC ¶50 warns of a visit more than 30 working days after the document review.
 */
@CfpIntegrationTest
class OnSitePlanConfirmationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    Clock clock;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Plans plans;
    @Autowired
    Notifications notifications;

    TestHttp http;
    PlanningFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new PlanningFixture(context);
    }

    HttpResponse<String> call(String method, String path, String user, String body) {
        return http.send(method, path, user, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** The first refusal's code, after checking the status. */
    String refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body()).get("errors").get(0).get("code").asString();
    }

    List<MemberInput> team(Object... userAndRole) {
        List<MemberInput> out = new java.util.ArrayList<>();
        for (int i = 0; i < userAndRole.length; i += 2) {
            out.add(new MemberInput(fx.userId((String) userAndRole[i]), (TeamRole) userAndRole[i + 1]));
        }
        return out;
    }

    /** An accepted application of client-motor whose plan was approved and sent for a visit {@code visit} (service steps). */
    long sent(String scheme, String category, Integer bom, LocalDate visit, List<MemberInput> team) {
        long app = fx.application("client-motor", scheme, "ACCEPTED", category, bom, null);
        Actor pm = fx.who("pm");
        plans.proposeTeam(pm, app, category, team);
        plans.setInspectionScheme(pm, app, PlansWorkflowTest.scheme(visit));
        plans.setVerificationPlan(pm, app, PlansWorkflowTest.verification());
        plans.approve(pm, app);
        assertThat(plans.send(pm, app).status()).isEqualTo(PlanStatus.SENT);
        return app;
    }

    long sentCnex(LocalDate visit) {
        return sent("CNEX-01-G", "EXPLOSION_PROOF", 80, visit, team("inspector", TeamRole.LEADER, "verifier", TeamRole.VERIFIER));
    }

    /** The document review concludes (the case moves on to its on-site stage). */
    void documentReview(long app, String conclusion) {
        ok(call("POST", "/api/applications/" + app + "/document-review", "pm",
                "{\"conclusion\":\"" + conclusion + "\",\"findings\":\"文件齐全\"}"));
    }

    /** The revised inspection scheme as JSON, with this visit date and schedule. */
    String revision(LocalDate visit, String schedule, String note) {
        InspectionScheme s = PlansWorkflowTest.scheme(visit);
        InspectionScheme r = new InspectionScheme(s.purpose(), s.units(), s.productTypes(), s.systemBoundary(), s.functionalUnit(),
                s.dataPeriodFrom(), s.dataPeriodTo(), s.basis(), s.onSiteRequirements(), s.verificationRequirements(), schedule, visit);
        return "{\"note\":" + (note == null ? "null" : "\"" + note + "\"") + ",\"inspectionScheme\":" + json.writeValueAsString(r) + "}";
    }

    /** Waits for a notification of this kind about this application to reach {@code user}. */
    NotificationView awaitNotice(String user, NotificationKind kind, String reference) {
        Actor who = fx.who(user);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.of(who, Paging.of(0, 200), Locale.CHINA).items().stream()
                .anyMatch(n -> n.kind() == kind && n.title().contains(reference)));
        return notifications.of(who, Paging.of(0, 200), Locale.CHINA).items().stream()
                .filter(n -> n.kind() == kind && n.title().contains(reference)).findFirst().orElseThrow();
    }

    @Test
    void the_applicant_confirms_the_on_site_plan_and_only_then_the_visit_starts_001_9_6_2() {
        LocalDate visit = calendar.plusWorkingDays(LocalDate.now(clock), 5).date();
        long app = sentCnex(visit);
        String base = "/api/planning/" + app;

        JsonNode seen = ok(call("GET", base, "client-motor", null));
        assertThat(seen.get("confirmationRequired").asBoolean()).isTrue();          // CNEX: clientConfirmation REQUIRED
        assertThat(seen.get("awaitingAnswer").asBoolean()).isTrue();
        assertThat(seen.get("revisions").size()).isEqualTo(1);
        assertThat(seen.get("currentRevision").get("number").asInt()).isEqualTo(1);
        assertThat(seen.get("planName").get("zh").asString()).isEqualTo("现场核查计划");

        // the document review conforms: the case is at its on-site stage, but the visit waits for the client
        documentReview(app, "CONFORMS");
        HttpResponse<String> early = call("POST", base + "/visit-start?lang=en", "pm", null);
        assertThat(refused(early, 409)).isEqualTo("planning.visit.notConfirmed");
        assertThat(json.readTree(early.body()).get("errors").get(0).get("message").asString())
                .contains("has not confirmed revision 1 of the on-site verification plan").contains("[001 §9.6.2]");
        HttpResponse<String> earlyZh = call("POST", base + "/visit-start", "pm", null);
        assertThat(json.readTree(earlyZh.body()).get("errors").get(0).get("message").asString())
                .contains("委托方尚未确认现场核查计划第 1 版");
        assertThat(ok(call("GET", base, "pm", null)).get("status").asString()).isEqualTo("SENT");

        // only the applicant company of this application answers: another company's client, staff — refused
        assertThat(call("POST", base + "/confirmation", "client-furniture", "{}").statusCode()).isIn(403, 404);
        assertThat(call("POST", base + "/change-requests", "client-furniture", "{\"reason\":\"x\"}").statusCode()).isIn(403, 404);
        assertThat(call("POST", base + "/confirmation", "pm", "{}").statusCode()).isEqualTo(403);
        assertThat(ok(call("GET", base, "pm", null)).get("revisions").get(0).get("answer").isNull()).isTrue();

        JsonNode confirmed = ok(call("POST", base + "/confirmation", "client-motor", "{\"revision\":1,\"note\":\"同意按计划安排\"}"));
        JsonNode r1 = confirmed.get("revisions").get(0);
        assertThat(r1.get("answer").asString()).isEqualTo("CONFIRMED");
        assertThat(r1.get("answerText").asString()).isEqualTo("同意按计划安排");
        assertThat(r1.get("answeredBy").asString()).isEqualTo("client-motor");
        assertThat(r1.get("answeredAt").isNull()).isFalse();
        assertThat(confirmed.get("awaitingAnswer").asBoolean()).isFalse();
        // answered once per revision
        assertThat(refused(call("POST", base + "/confirmation", "client-motor", "{}"), 409)).isEqualTo("planning.answer.already");
        // the planner is told
        assertThat(awaitNotice("pm", NotificationKind.PLAN_CONFIRMED, seen.get("applicationReference").asString()).link())
                .isEqualTo("/planning/" + app);

        JsonNode started = ok(call("POST", base + "/visit-start", "pm", null));
        assertThat(started.get("status").asString()).isEqualTo("VISIT_STARTED");
        assertThat(started.get("visitStartedBy").asString()).isEqualTo("pm");
    }

    @Test
    void a_change_request_is_answered_by_a_revision_the_history_keeps_both_and_the_client_confirms_revision_2_003_36() {
        LocalDate today = LocalDate.now(clock);
        LocalDate visit = calendar.plusWorkingDays(today, 5).date();
        LocalDate moved = calendar.plusWorkingDays(today, 8).date();
        long app = sentCnex(visit);
        String base = "/api/planning/" + app;
        String reference = ok(call("GET", base, "pm", null)).get("applicationReference").asString();

        HttpResponse<String> noReason = call("POST", base + "/change-requests", "client-motor", "{\"reason\":\"  \"}");
        assertThat(refused(noReason, 400)).isEqualTo("planning.change.reasonRequired");
        assertThat(json.readTree(noReason.body()).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        JsonNode asked = ok(call("POST", base + "/change-requests", "client-motor", "{\"revision\":1,\"reason\":\"该日停产检修，请改期\"}"));
        assertThat(asked.get("revisions").get(0).get("answer").asString()).isEqualTo("CHANGE_REQUESTED");
        assertThat(awaitNotice("pm", NotificationKind.PLAN_CHANGE_REQUESTED, reference).text()).contains("该日停产检修，请改期");

        documentReview(app, "CONFORMS");
        assertThat(refused(call("POST", base + "/visit-start", "pm", null), 409)).isEqualTo("planning.visit.changeRequested");
        assertThat(refused(call("POST", base + "/confirmation", "client-motor", "{}"), 409)).isEqualTo("planning.answer.already");

        // the planner revises (a team member may too; the client may not), with what changed and why
        assertThat(call("POST", base + "/revisions", "client-motor", revision(moved, "现场 2 天", "x")).statusCode()).isEqualTo(403);
        assertThat(refused(call("POST", base + "/revisions", "pm", revision(moved, "现场 2 天（改期）", null)), 400))
                .isEqualTo("planning.revision.noteRequired");
        JsonNode revised = ok(call("POST", base + "/revisions", "pm", revision(moved, "现场 2 天（改期）", "应委托方要求改期")));
        assertThat(revised.get("visitDate").asString()).isEqualTo(moved.toString());
        JsonNode history = revised.get("revisions");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("visitDate").asString()).isEqualTo(visit.toString());           // kept as sent
        assertThat(history.get(0).get("answer").asString()).isEqualTo("CHANGE_REQUESTED");
        assertThat(history.get(0).get("answerText").asString()).isEqualTo("该日停产检修，请改期");
        assertThat(history.get(1).get("number").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("visitDate").asString()).isEqualTo(moved.toString());
        assertThat(history.get(1).get("note").asString()).isEqualTo("应委托方要求改期");
        assertThat(history.get(1).get("sentBy").asString()).isEqualTo("pm");
        assertThat(history.get(1).get("answer").isNull()).isTrue();
        // the client is told a revised plan arrived
        assertThat(awaitNotice("client-motor", NotificationKind.PLAN_REVISED, reference).text()).contains("第 2 版");

        // revision 1 is no longer the one to answer; revision 2 is
        assertThat(refused(call("POST", base + "/confirmation", "client-motor", "{\"revision\":1}"), 409))
                .isEqualTo("planning.answer.notCurrent");
        JsonNode confirmed = ok(call("POST", base + "/confirmation", "client-motor", "{\"revision\":2}"));
        assertThat(confirmed.get("revisions").size()).isEqualTo(2);
        assertThat(confirmed.get("revisions").get(1).get("answer").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("revisions").get(0).get("answer").asString()).isEqualTo("CHANGE_REQUESTED");
        JsonNode staffView = ok(call("GET", base, "pm", null));
        assertThat(staffView.get("visitGate").get("allowed").asBoolean()).isTrue();
        assertThat(staffView.get("currentRevision").get("number").asInt()).isEqualTo(2);

        assertThat(ok(call("POST", base + "/visit-start", "inspector", null)).get("status").asString()).isEqualTo("VISIT_STARTED");
        // during the visit the team revises the plan with its reason, the record keeps it as a change on site, and the
        // client agrees in writing [003 ¶36; 004 §9.4.3]; a revision without its reason is refused
        assertThat(refused(call("POST", base + "/revisions", "inspector", revision(visit, "第二天下午改为查看仓库", null)), 400))
                .isEqualTo("planning.revision.noteRequired");
        JsonNode onSite = ok(call("POST", base + "/revisions", "inspector", revision(visit, "第二天下午改为查看仓库", "生产线检修，调整顺序")));
        assertThat(onSite.get("revisions").size()).isEqualTo(3);
        assertThat(onSite.get("revisions").get(2).get("duringVisit").asBoolean()).isTrue();
        assertThat(onSite.get("revisions").get(1).get("duringVisit").asBoolean()).isFalse();
        assertThat(onSite.get("status").asString()).isEqualTo("VISIT_STARTED");
        JsonNode agreed = ok(call("POST", base + "/confirmation", "client-motor", "{\"revision\":3,\"note\":\"同意\"}"));
        assertThat(agreed.get("revisions").get(2).get("answer").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void the_plan_pages_show_the_revisions_and_the_staff_page_sends_a_revision_from_its_form_003_36() {
        LocalDate today = LocalDate.now(clock);
        LocalDate moved = calendar.plusWorkingDays(today, 7).date();
        long app = sentCnex(calendar.plusWorkingDays(today, 5).date());
        String page = "/planning/" + app;
        ok(call("POST", "/api/planning/" + app + "/change-requests", "client-motor", "{\"reason\":\"请改到下周\"}"));

        HttpResponse<String> staff = http.send("GET", page, "pm");
        assertThat(staff.statusCode()).as(staff.body()).isEqualTo(200);
        assertThat(staff.body()).contains("id=\"revision-form\"").contains("id=\"send-revision\"").contains("id=\"revision-history\"")
                .contains("data-answer=\"CHANGE_REQUESTED\"").contains("请改到下周").contains("现场核查计划");
        InspectionScheme s = PlansWorkflowTest.scheme(moved);
        String fields = "purpose=" + enc(s.purpose()) + "&units=" + enc(s.units()) + "&productTypes=" + enc(s.productTypes())
                + "&systemBoundary=" + enc(s.systemBoundary()) + "&functionalUnit=" + enc(s.functionalUnit())
                + "&dataPeriodFrom=" + s.dataPeriodFrom() + "&dataPeriodTo=" + s.dataPeriodTo() + "&basis=" + enc(s.basis())
                + "&onSiteRequirements=" + enc(s.onSiteRequirements()) + "&verificationRequirements=" + enc(s.verificationRequirements())
                + "&schedule=" + enc(s.schedule()) + "&visitDate=" + moved + "&_form=revision-form&_page=" + enc(page);
        // without what changed and why: refused at the note's field, in words
        HttpResponse<String> noNote = http.send("POST", page + "/revisions", "pm", "application/x-www-form-urlencoded",
                (fields + "&note=").getBytes(StandardCharsets.UTF_8));
        assertThat(noNote.statusCode()).isEqualTo(303);
        assertThat(http.follow(noNote, "pm").body()).contains("请写明修订说明（变更内容及原因）").contains("data-field=\"note\"");
        HttpResponse<String> sent = http.send("POST", page + "/revisions", "pm", "application/x-www-form-urlencoded",
                (fields + "&note=" + enc("按委托方要求改到下周")).getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(plans.forApplication(app).orElseThrow().revisions()).extracting(PlanView.Revision::number).containsExactly(1, 2);

        HttpResponse<String> client = http.send("GET", page, "client-motor");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(200);
        assertThat(client.body()).contains("id=\"confirm-form\"").contains("data-revision=\"2\"").contains("按委托方要求改到下周")
                .contains("请改到下周");
        // another company's client cannot open the page at all
        assertThat(http.send("GET", page, "client-furniture").statusCode()).isIn(403, 404);
    }

    static String enc(String v) {
        return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void cgc_warns_of_a_visit_more_than_30_working_days_after_the_document_review_but_does_not_refuse_it_003_50() {
        LocalDate today = LocalDate.now(clock);
        long app = sent("CGC-R52003", "PV13", 150, calendar.plusWorkingDays(today, 5).date(),
                team("inspector", TeamRole.LEADER, "inspector2", TeamRole.INSPECTOR));
        String base = "/api/planning/" + app;
        assertThat(ok(call("GET", base, "pm", null)).get("planName").get("zh").asString()).isEqualTo("现场检查计划");
        documentReview(app, "BASICALLY_CONFORMS"); // concluded today (符合/基本符合 both start ¶50's 30 working days)

        // Counted by hand with the calendar: step one day at a time from the day after the conclusion (the conclusion day
        // itself is not counted) and count the days the working-day calendar says are working days (weekends and the
        // configured official holidays are not; adjusted working Saturdays are) — the n-th such day is "n working days after".
        LocalDate day29 = null;
        LocalDate day30 = null;
        LocalDate day31 = null;
        int counted = 0;
        for (LocalDate d = today.plusDays(1); day31 == null; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                counted++;
                if (counted == 29) {
                    day29 = d;
                } else if (counted == 30) {
                    day30 = d;
                } else if (counted == 31) {
                    day31 = d;
                }
            }
        }

        JsonNode late = ok(call("POST", base + "/revisions?lang=en", "pm", revision(day31, "现场 1.5 天", "改期至第 31 个工作日")));
        JsonNode warning = late.get("warnings").valueStream()
                .filter(w -> w.get("code").asString().equals("planning.warning.onSiteAfterReview")).findFirst().orElseThrow();
        assertThat(warning.get("field").asString()).isEqualTo("visitDate");
        assertThat(warning.get("args").toString()).contains(day31.toString(), "30", today.toString(), day30.toString(), "003 ¶50");
        assertThat(late.get("status").asString()).isEqualTo("SENT"); // a warning, not a refusal
        JsonNode onTime = ok(call("POST", base + "/revisions", "pm", revision(day29, "现场 1.5 天", "改回第 29 个工作日")));
        assertThat(onTime.get("warnings").valueStream().map(w -> w.get("code").asString()))
                .doesNotContain("planning.warning.onSiteAfterReview");
        JsonNode boundary = ok(call("POST", base + "/revisions", "pm", revision(day30, "现场 1.5 天", "第 30 个工作日")));
        assertThat(boundary.get("warnings").valueStream().map(w -> w.get("code").asString()))
                .doesNotContain("planning.warning.onSiteAfterReview");
        assertThat(boundary.get("revisions").size()).isEqualTo(4);

        // CNEX states no such limit: the same late date gives no warning
        long cnex = sentCnex(calendar.plusWorkingDays(today, 5).date());
        documentReview(cnex, "CONFORMS");
        JsonNode other = ok(call("POST", "/api/planning/" + cnex + "/revisions", "pm", revision(day31, "现场 2 天", "改期")));
        assertThat(other.get("warnings").valueStream().map(w -> w.get("code").asString()))
                .doesNotContain("planning.warning.onSiteAfterReview");
    }
}
