package cn.cfp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The evaluation page (issue 9 item 7): the forms per step for who may take them, in one language, refusals in words. */
@CfpIntegrationTest
class EvaluationPagesTest {

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
    Evaluations evaluations;

    TestHttp http;
    OnSiteFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new OnSiteFixture(context);
    }

    HttpResponse<String> form(String path, String user, String body) {
        return http.send("POST", path, user, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void the_verifier_records_stage_1_on_the_page_and_a_refused_form_comes_back_in_words_004_9_5_2() {
        long app = fx.atOnSite("CICC-ZY-GZ-20");
        String page = "/evaluation/" + app;
        HttpResponse<String> zh = http.send("GET", page, "verifier");
        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(200);
        assertThat(zh.body()).contains("id=\"stage1-form\"").contains("一阶段核查评价").contains("004 §9.5.2 A)")
                .doesNotContain("id=\"claim\"");
        HttpResponse<String> en = http.send("GET", page + "?lang=en", "verifier");
        assertThat(en.body()).contains("Stage-1 evaluation").contains("judge whether the conditions for stage 2 are met")
                .doesNotContain("一阶段核查评价");
        // an inspector of the team sees no form; the client sees the page without forms
        assertThat(http.send("GET", page, "inspector2").body()).doesNotContain("id=\"stage1-form\"");
        HttpResponse<String> client = http.send("GET", page, "client-motor");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).doesNotContain("id=\"stage1-form\"");

        HttpResponse<String> refused = form(page + "/stage1", "verifier", "_form=stage1-form&_page=" + page + "&onSite=false&decision=PROCEED");
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(http.follow(refused, "verifier").body()).contains("请写明判断的理由").contains("请选择评价项目 A 的结论");
        assertThat(fx.stages(app)).containsExactly(Stage.PRELIMINARY_EVALUATION);

        StringBuilder b = new StringBuilder("_form=stage1-form&_page=" + page + "&onSite=false&combinedWithDocumentCheck=on&decision=PROCEED&reason="
                + enc("具备二阶段条件"));
        for (String i : List.of("A", "B", "C", "D", "E", "F")) {
            b.append("&c_").append(i).append("=CONFORMS&n_").append(i).append("=").append(enc("已核对"));
        }
        assertThat(form(page + "/stage1", "verifier", b.toString()).statusCode()).isEqualTo(302);
        assertThat(fx.stages(app)).containsExactly(Stage.VERIFICATION);
        HttpResponse<String> after = http.send("GET", page, "verifier");
        assertThat(after.body()).contains("id=\"stage2-form\"").contains("data-conclusion=\"PROCEED\"").contains("本机构不推荐两个阶段连续进行");
        assertThat(form(page + "/stage2-start", "verifier", "_form=stage2-form&_page=" + page).statusCode()).isEqualTo(302);
        assertThat(http.send("GET", page, "verifier").body()).contains("id=\"stage2-started\"").doesNotContain("id=\"stage2-form\"");
    }

    @Test
    void the_client_sees_the_supplement_form_when_the_claim_does_not_conform_003_60() {
        long app = fx.visitStarted("CGC-R52003");
        cases.complete(app, Stage.ON_SITE_INSPECTION, fx.who("inspector"), "on-site inspection done (test)");
        String page = "/evaluation/" + app;
        assertThat(http.send("GET", page, "verifier").body()).contains("id=\"claim-form\"").contains("data-allowed=\"false\"");
        StringBuilder b = new StringBuilder("_form=claim-form&_page=" + page + "&conclusion=DOES_NOT_CONFORM&findings=" + enc("数据不完整")
                + "&request=" + enc("补充电费单"));
        for (String i : List.of("KEY_STAGES", "KEY_INDICATORS", "ACTIVITY_DATA", "FACTORS", "ON_SITE_FOCUS", "PRIOR_RESULT")) {
            b.append("&c_").append(i).append("=").append(i.equals("PRIOR_RESULT") ? "NOT_APPLICABLE" : "CONFORMS");
        }
        assertThat(form(page + "/claim", "verifier", b.toString()).statusCode()).isEqualTo(302);
        HttpResponse<String> client = http.send("GET", page, "client-motor");
        assertThat(client.body()).contains("id=\"supplement-form\"").contains("补充电费单").contains("认证计时暂停");
        assertThat(form(page + "/supplements", "client-motor", "_form=supplement-form&_page=" + page + "&kind=CLAIM&note=" + enc("已补充"))
                .statusCode()).isEqualTo(302);
        assertThat(evaluations.view(app).claim().get(0).supplement().note()).isEqualTo("已补充");
        assertThat(cases.require(app).paused()).isFalse();
    }
}
