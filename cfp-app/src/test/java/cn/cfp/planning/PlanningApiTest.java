package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.calendar.WorkingDayCalendar;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives a plan to SENT over the REST API with the demo users, as another system would (R-PLAN). */
@CfpIntegrationTest
class PlanningApiTest {

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

    @Test
    void a_plan_is_driven_to_sent_over_the_api_and_out_of_order_steps_are_refused() {
        long app = fx.application("client-motor", "CNEX-01-G", "ACCEPTED", "EXPLOSION_PROOF", 80, null);
        String base = "/api/planning/" + app;
        long inspector = fx.userId("inspector");
        long inspector2 = fx.userId("inspector2");
        long verifier = fx.userId("verifier");

        assertThat(ok(call("GET", base, "pm", null)).get("status").asString()).isEqualTo("DRAFT"); // started when the case opened
        // out of order: approval before a team is proposed
        HttpResponse<String> early = call("POST", base + "/approval", "pm", null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json.readTree(early.body()).get("errors").get(0).get("code").asString()).isEqualTo("planning.wrongStatus");
        assertThat(json.readTree(early.body()).get("errors").get(0).get("args").toString()).contains("草稿");
        // the words name the status as the pages do, never its code
        assertThat(json.readTree(early.body()).get("errors").get(0).get("message").asString()).contains("草稿").doesNotContain("DRAFT");

        // a team breaking the rules: refused with every reason, nothing changes
        HttpResponse<String> bad = call("PUT", base + "/team", "pm",
                "{\"members\":[{\"userId\":" + fx.userId("expert") + ",\"role\":\"VERIFIER\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").size()).isGreaterThanOrEqualTo(3);
        assertThat(json.readTree(bad.body()).get("errors").valueStream().map(e -> e.get("code").asString()).toList())
                .contains("planning.team.minMembers", "planning.team.expertMayNotVerify");
        // the dry run answers the same as a verdict: allowed, reasons {code, message, args, field}, notes — in the asked language
        JsonNode checked = ok(call("POST", base + "/team/check?lang=en", "pm",
                "{\"members\":[{\"userId\":" + fx.userId("expert") + ",\"role\":\"VERIFIER\"}]}"));
        assertThat(checked.get("allowed").asBoolean()).isFalse();
        assertThat(checked.get("notes").isArray()).isTrue();
        JsonNode expertRefused = checked.get("reasons").valueStream()
                .filter(r -> r.get("code").asString().equals("planning.team.expertMayNotVerify")).findFirst().orElseThrow();
        assertThat(expertRefused.get("message").asString()).contains("may not act as verifier").contains("[001 §9.3.2; 000 §7.3.2; decision D1; R-PER-3]");
        assertThat(expertRefused.get("args").get(1).asString()).isEqualTo("verifier");
        assertThat(expertRefused.get("field").asString()).isEqualTo("role_" + fx.userId("expert"));
        assertThat(ok(call("GET", base, "pm", null)).get("status").asString()).isEqualTo("DRAFT");

        JsonNode proposed = ok(call("PUT", base + "/team", "pm", "{\"field\":\"EXPLOSION_PROOF\",\"members\":["
                + "{\"userId\":" + inspector + ",\"role\":\"LEADER\"},{\"userId\":" + verifier + ",\"role\":\"VERIFIER\"}]}"));
        assertThat(proposed.get("status").asString()).isEqualTo("TEAM_PROPOSED");
        assertThat(proposed.get("teamVerdict").get("allowed").asBoolean()).isTrue();
        assertThat(proposed.get("teamVerdict").get("reasons").isEmpty()).isTrue();
        assertThat(proposed.get("manDays").get("lines").get(0).get("rule").get("code").asString()).startsWith("planning.manDays.rule");

        // the client sees names and roles and objects; another client may not see the plan
        JsonNode seen = ok(call("GET", base, "client-motor", null));
        assertThat(seen.get("team").get(0).get("name").asString()).isNotBlank();
        assertThat(seen.get("manDays").isNull()).isTrue();
        assertThat(call("GET", base, "client-furniture", null).statusCode()).isEqualTo(404); // another company's case: not even its existence
        assertThat(call("POST", base + "/objections", "pm", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        JsonNode objected = ok(call("POST", base + "/objections", "client-motor",
                "{\"memberUserId\":" + verifier + ",\"reason\":\"曾为竞争对手提供咨询\"}"));
        assertThat(objected.get("status").asString()).isEqualTo("OBJECTED");
        long objectionId = objected.get("objections").get(0).get("id").asLong();
        JsonNode resolved = ok(call("POST", base + "/objections/" + objectionId + "/resolution", "pm",
                "{\"resolution\":\"REPLACE\",\"note\":\"更换核查员\",\"members\":[{\"userId\":" + inspector + ",\"role\":\"LEADER\"},"
                        + "{\"userId\":" + inspector2 + ",\"role\":\"VERIFIER\"}]}"));
        assertThat(resolved.get("status").asString()).isEqualTo("TEAM_PROPOSED");

        String site = resolved.get("manDays").get("lines").get(0).get("scopeKey").asString();
        HttpResponse<String> tooLow = call("PUT", base + "/man-days", "pm",
                "{\"overrides\":[{\"scopeKey\":\"" + site + "\",\"activity\":\"ON_SITE_INSPECTION\",\"manDays\":1.5,\"reason\":\"小\"}]}");
        assertThat(tooLow.statusCode()).isEqualTo(400);
        JsonNode tooLowError = json.readTree(tooLow.body()).get("errors").get(0);
        assertThat(tooLowError.get("code").asString()).isEqualTo("planning.manDays.belowMinimum");
        assertThat(tooLowError.get("field").asString()).isEqualTo("md_" + site + "|ON_SITE_INSPECTION");
        assertThat(tooLowError.get("args").toString()).contains("\"1.5\"", "\"2\"", "\"001 §9.3.1\"");
        assertThat(tooLowError.get("message").asString()).contains("低于最低 2 人日").contains("[001 §9.3.1]");
        ok(call("PUT", base + "/man-days", "pm",
                "{\"overrides\":[{\"scopeKey\":\"" + site + "\",\"activity\":\"DOC_REVIEW\",\"manDays\":1,\"reason\":\"资料较多\"}]}"));

        LocalDate visit = calendar.plusWorkingDays(LocalDate.now(clock), 5).date();
        ok(call("PUT", base + "/inspection-scheme", "inspector", "{\"purpose\":\"初次认证\",\"units\":\"YBX4 系列\",\"productTypes\":\"防爆电机\","
                + "\"systemBoundary\":\"从摇篮到大门\",\"functionalUnit\":\"1 台\",\"dataPeriodFrom\":\"2025-01-01\",\"dataPeriodTo\":\"2025-12-31\","
                + "\"basis\":\"CNEX-01-G:2026\",\"onSiteRequirements\":\"保证能力及一致性检查\",\"verificationRequirements\":\"附件 III\","
                + "\"schedule\":\"现场 2 天\",\"visitDate\":\"" + visit + "\"}"));
        StringBuilder risks = new StringBuilder();
        for (RiskFactor f : RiskFactor.values()) {
            risks.append(risks.isEmpty() ? "" : ",").append("{\"factor\":\"").append(f).append("\",\"rating\":\"LOW\",\"note\":\"-\"}");
        }
        ok(call("PUT", base + "/verification-plan", "inspector", "{\"informationAnalysis\":\"已分析\",\"complexity\":\"MEDIUM\","
                + "\"risks\":[" + risks + "],\"samplingPlan\":\"抽样\",\"evidencePlan\":\"证据\",\"verificationActivities\":\"活动\"}"));

        assertThat(call("POST", base + "/approval", "admin", null).statusCode()).isEqualTo(403); // not a project manager
        assertThat(call("POST", base + "/approval", "inspector", null).statusCode()).isEqualTo(403); // a team member
        assertThat(call("POST", base + "/sending", "pm", null).statusCode()).isEqualTo(409); // not approved yet
        assertThat(ok(call("POST", base + "/approval", "pm", null)).get("status").asString()).isEqualTo("APPROVED");
        JsonNode sent = ok(call("POST", base + "/sending", "pm", null));
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("visitDate").asString()).isEqualTo(visit.toString());
        assertThat(ok(call("GET", base, "client-motor", null)).get("status").asString()).isEqualTo("SENT");
    }
}
