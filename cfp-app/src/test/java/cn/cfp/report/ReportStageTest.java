package cn.cfp.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CNEX's report stage [001 §9.6.7]: the preparer (or the team leader) states the conclusion with its minimum content;
 * a positive conclusion is refused while a nonconformity is open [001 §9.6.7 5) b]; the submission completes the stage
 * and the case goes to its technical review. The on-site stages are completed here as their modules do at their end.
 */
@CfpIntegrationTest
class ReportStageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Cases cases;
    @Autowired
    Nonconformities ncs;

    TestHttp http;
    OnSiteFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new OnSiteFixture(context);
    }

    HttpResponse<String> post(String path, String user, String body) {
        return http.send("POST", path, user, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    long atReport() {
        long app = fx.visitStarted("CNEX-01-G");
        cases.complete(app, Stage.ON_SITE_INSPECTION, fx.who("inspector"), "inspection completed");
        cases.complete(app, Stage.VERIFICATION, fx.who("verifier"), "verification completed");
        assertThat(fx.stages(app)).containsExactly(Stage.REPORT);
        return app;
    }

    static final String POSITIVE = "{\"conclusion\":\"POSITIVE\",\"verifiedInformation\":\"产品碳足迹 412.5 kgCO2e/台（从摇篮到大门）\","
            + "\"limitations\":null,\"fluctuations\":null,\"uncovered\":null}";

    @Test
    void the_preparer_submits_a_positive_report_and_the_case_goes_to_its_technical_review_001_9_6_7() {
        long app = atReport();
        String base = "/api/reports/" + app;
        // an inspector who is not the leader, a reviewer, the client: not the report's preparer
        HttpResponse<String> inspector = post(base, "inspector2", POSITIVE);
        assertThat(inspector.statusCode()).as(inspector.body()).isEqualTo(403);
        assertThat(json.readTree(inspector.body()).get("errors").get(0).get("code").asString()).isEqualTo("report.notPreparer");
        assertThat(post(base, "reviewer", POSITIVE).statusCode()).isEqualTo(403);
        assertThat(post(base, "client-motor", POSITIVE).statusCode()).isIn(403, 404);
        assertThat(http.send("GET", base, "client-motor", null, null).statusCode()).isIn(403, 404); // not delivered yet [001 §9.8]
        // bad input: no conclusion, no verified information — refused with both reasons, nothing stored
        HttpResponse<String> bad = post(base, "preparer", "{\"verifiedInformation\":\" \"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").findValuesAsString("code"))
                .containsExactly("report.conclusionRequired", "report.verifiedInformationRequired");
        assertThat(http.send("GET", base, "pm", null, null).statusCode()).isEqualTo(404);

        HttpResponse<String> ok = post(base, "preparer", POSITIVE);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode report = json.readTree(ok.body());
        assertThat(report.get("conclusion").asString()).isEqualTo("POSITIVE");
        assertThat(report.get("preparedBy").asString()).isEqualTo("preparer");
        assertThat(fx.stages(app)).containsExactly(Stage.TECHNICAL_REVIEW);
        // once only
        assertThat(post(base, "preparer", POSITIVE).statusCode()).isEqualTo(409);
        // the page shows it
        HttpResponse<String> page = http.send("GET", "/reports/" + app, "pm", null, null);
        assertThat(page.body()).contains("产品碳足迹 412.5 kgCO2e/台").contains("肯定的核查结论");
    }

    @Test
    void a_positive_conclusion_is_refused_while_a_nonconformity_is_open_but_a_negative_one_is_not_001_9_6_7_5_b() {
        long app = atReport();
        ncs.raise(fx.who("inspector"), app, new NewNonconformity(Stage.ON_SITE_INSPECTION, "A1-10.2@1", "001 Ann.II §10.2",
                "电能表未在校准有效期内", null, null, null));
        HttpResponse<String> refused = post("/api/reports/" + app, "inspector", POSITIVE);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonNode errors = json.readTree(refused.body()).get("errors");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("report.positiveWithOpenNc");
        assertThat(errors.get(1).get("code").asString()).isEqualTo("nonconformity.open");
        assertThat(errors.get(1).get("message").asString()).contains("001 Ann.II §10.2");
        assertThat(fx.stages(app)).containsExactly(Stage.REPORT);

        HttpResponse<String> negative = post("/api/reports/" + app, "inspector",
                "{\"conclusion\":\"NEGATIVE\",\"verifiedInformation\":\"计量器具未校准，数据不可用\",\"limitations\":\"电耗数据无法核实\"}");
        assertThat(negative.statusCode()).as(negative.body()).isEqualTo(200);
        assertThat(fx.stages(app)).containsExactly(Stage.TECHNICAL_REVIEW);
    }
}
