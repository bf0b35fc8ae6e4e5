package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The planning and personnel pages render for staff and clients, and the team form drives the workflow. */
@CfpIntegrationTest
class PlanningPagesTest {

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
    Plans plans;

    TestHttp http;
    PlanningFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new PlanningFixture(context);
    }

    HttpResponse<String> form(String path, String user, String body) {
        return http.send("POST", path, user, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_case_manager_proposes_a_team_on_the_page_and_the_client_sees_names_and_roles() {
        long app = fx.application("client-motor", "CEC-FURNITURE", "ACCEPTED", "木家具", null, null);
        HttpResponse<String> started = http.send("GET", "/planning/" + app, "pm");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(started.body()).contains("id=\"team-form\"").doesNotContain("id=\"not-started\"");

        HttpResponse<String> refused = form("/planning/" + app + "/team", "pm", "field=FURNITURE&role_" + fx.userId("verifier") + "=LEADER");
        // a refused form comes back to its page with the reasons (ErrorAdvice), in the page's one language
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(http.follow(refused, "pm").body()).contains("002 §5.2.1")
                .contains("检查组至少由 2 名检（核）查员组成，现为 1 名（技术专家、实习人员不计） [002 §5.2.1; 002 §5.2.2]")
                .doesNotContain("The team needs at least");

        assertThat(form("/planning/" + app + "/team", "pm", "field=FURNITURE&role_" + fx.userId("inspector") + "=LEADER&role_"
                + fx.userId("inspector2") + "=INSPECTOR").statusCode()).isEqualTo(302);
        assertThat(plans.forApplication(app).orElseThrow().status()).isEqualTo(PlanStatus.TEAM_PROPOSED);

        HttpResponse<String> staffPage = http.send("GET", "/planning/" + app, "pm");
        assertThat(staffPage.statusCode()).as(staffPage.body()).isEqualTo(200);
        assertThat(staffPage.body()).contains("id=\"team-table\"").contains("id=\"man-day-table\"").contains("002 §5.5");
        // the notice links speak the page's one language
        assertThat(staffPage.body()).contains("检查组组成通知书（PDF）").doesNotContain("team notice")
                .contains("id=\"app-status\">已受理<"); // the application's status in words, not ACCEPTED
        HttpResponse<String> english = http.send("GET", "/planning/" + app + "?lang=en", "pm");
        assertThat(english.body()).contains("Notice of the inspection team (PDF)").doesNotContain("检查组组成通知书");

        HttpResponse<String> clientPage = http.send("GET", "/planning/" + app, "client-motor");
        assertThat(clientPage.statusCode()).as(clientPage.body()).isEqualTo(200);
        assertThat(clientPage.body()).contains("id=\"client-team\"").contains("id=\"objection-form\"").doesNotContain("man-day-table");
        assertThat(http.send("GET", "/planning/" + app, "client-furniture").statusCode()).isEqualTo(404); // not even its existence

        assertThat(form("/planning/" + app + "/objections", "client-motor", "reason=%E5%BC%82%E8%AE%AE").statusCode()).isEqualTo(302);
        assertThat(plans.forApplication(app).orElseThrow().status()).isEqualTo(PlanStatus.OBJECTED);

        HttpResponse<String> list = http.send("GET", "/planning", "pm");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(http.send("GET", "/planning", "client-motor").statusCode()).isEqualTo(200);
    }

    @Test
    void personnel_pages_render_and_an_evaluator_saves_a_profile_from_the_form() {
        HttpResponse<String> list = http.send("GET", "/personnel", "inspector");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"staffing-figure\"");
        long schemer = fx.userId("schemer");
        HttpResponse<String> page = http.send("GET", "/personnel/" + schemer, "evaluator");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"profile-form\"");
        assertThat(form("/personnel/" + schemer, "evaluator",
                "fullTime=true&experienceYears=5&confidentialitySignedOn=2025-02-01&fields=PV12,PROFICIENT,1,1,0").statusCode()).isEqualTo(302);
        assertThat(http.send("GET", "/personnel/" + schemer, "inspector").body()).contains("PV12").doesNotContain("id=\"profile-form\"");
        assertThat(http.send("GET", "/personnel", "client-motor").statusCode()).isEqualTo(403);
    }

    @Test
    void a_tampered_choice_in_a_planning_form_is_refused_in_words_at_its_field_never_a_500() {
        long app = fx.application("client-motor", "CEC-FURNITURE", "ACCEPTED", "木家具", null, null);
        assertThat(http.send("GET", "/planning/" + app, "pm").statusCode()).isEqualTo(200);
        HttpResponse<String> complexity = form("/planning/" + app + "/verification-plan", "pm", "complexity=HUGE&informationAnalysis=x");
        assertThat(complexity.statusCode()).as(complexity.body()).isEqualTo(303);
        assertThat(http.follow(complexity, "pm").body()).contains("“complexity”的值“HUGE”无效：应为以下之一：LOW、MEDIUM、HIGH");
        HttpResponse<String> risk = form("/planning/" + app + "/verification-plan", "pm", "risk_" + RiskFactor.values()[0].name() + "=SEVERE");
        assertThat(risk.statusCode()).as(risk.body()).isEqualTo(303);
        assertThat(http.follow(risk, "pm").body()).contains("的值“SEVERE”无效");
        HttpResponse<String> activity = form("/planning/" + app + "/man-days", "pm", "extra_scope=site-1&extra_activity=NAPPING&extra_md=2&extra_reason=r");
        assertThat(activity.statusCode()).as(activity.body()).isEqualTo(303);
        assertThat(http.follow(activity, "pm").body()).contains("“extra_activity”的值“NAPPING”无效");
        // over the API the same tampering is a 400 with the code
        HttpResponse<String> api = http.send("PUT", "/api/planning/" + app + "/verification-plan", "pm", "application/json",
                "{\"complexity\":\"HUGE\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(api.body()).contains("web.body.invalid");
    }

    /**
     * Issue 8 item 14: a man-day figure changed on the page without a reason is refused in words at the reason's field
     * (it used to be dropped silently and the computed figure kept); the unchanged computed figure needs no reason; the
     * API refuses a missing reason with the same code at the same field.
     */
    @Test
    void a_man_day_figure_changed_without_a_reason_is_refused_at_its_field_not_dropped() {
        long app = fx.application("client-motor", "CNEX-01-G", "ACCEPTED", "EXPLOSION_PROOF", 80, null);
        ManDayLine line = fx.plan(app).manDays().lines().stream().filter(l -> !l.aggregate() && l.tableMin() != null)
                .findFirst().orElseThrow();
        String key = line.scopeKey() + "|" + line.activity();
        String changed = line.tableMin().add(java.math.BigDecimal.ONE).toPlainString();
        String enc = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);

        HttpResponse<String> refused = form("/planning/" + app + "/man-days", "pm", "_form=man-days-form&_page=/planning/" + app + "&md_" + enc + "=" + changed + "&reason_" + enc + "=");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        String page = http.follow(refused, "pm").body();
        assertThat(page).contains("调整人日数须说明理由").contains("data-field=\"reason_" + key + "\"");
        assertThat(fx.plan(app).manDays().lines().stream().filter(l -> (l.scopeKey() + "|" + l.activity()).equals(key))
                .findFirst().orElseThrow().overridden()).as("nothing changed").isFalse();

        // the computed figure as shown, without a reason, is no change
        assertThat(form("/planning/" + app + "/man-days", "pm", "md_" + enc + "=" + line.tableMin().toPlainString() + "&reason_" + enc + "=")
                .statusCode()).isEqualTo(302);
        // an added row with a figure and no reason: refused at the row's reason
        HttpResponse<String> extra = form("/planning/" + app + "/man-days", "pm", "_form=man-days-form&_page=/planning/" + app + "&extra_scope=" + line.scopeKey()
                + "&extra_activity=CERTIFICATE_AND_REPORT&extra_md=1&extra_reason=");
        assertThat(extra.statusCode()).as(extra.body()).isEqualTo(303);
        assertThat(http.follow(extra, "pm").body()).contains("data-field=\"extra_reason\"").contains("调整人日数须说明理由");

        HttpResponse<String> api = http.send("PUT", "/api/planning/" + app + "/man-days", "pm", "application/json",
                ("{\"overrides\":[{\"scopeKey\":\"" + line.scopeKey() + "\",\"activity\":\"" + line.activity() + "\",\"manDays\":" + changed
                        + "}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(api.body()).contains("planning.manDays.reasonRequired").contains("\"field\":\"reason_" + key + "\"");
    }
}
