package cn.cfp.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.application.ContractReview;
import cn.cfp.cases.Cases;
import cn.cfp.scheme.Stage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The acceptance form binds the same command as the API (R-APP-3..5): the page can waive and adopt like the API can. */
@CfpIntegrationTest
class AcceptancePageTest {

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
    Clock clock;

    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
    }

    HttpResponse<String> post(String path, List<String[]> fields) {
        StringBuilder b = new StringBuilder();
        for (String[] f : fields) {
            b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return http.send("POST", path, "pm", "application/x-www-form-urlencoded", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    List<String[]> contract() {
        List<String[]> f = new ArrayList<>();
        for (ContractReview c : ContractReview.values()) {
            f.add(new String[] {"contractReview", c.name()});
        }
        f.add(new String[] {"contractSignedOn", LocalDate.now(clock).toString()});
        f.add(new String[] {"fee", "人民币 30,000 元"});
        return f;
    }

    @Test
    void the_page_adopts_a_prior_verification_and_the_case_keeps_a_simplified_verification_003_38_R_APP_5() {
        long id = fx.submitted("client-motor", "CGC-R52003", "PV13", 120, null);
        List<String[]> f = contract();
        f.add(new String[] {"priorVerification.statementReference", "CNAS-V-2026-0042"});
        f.add(new String[] {"priorVerification.issuingBody", "某核查机构"});
        f.add(new String[] {"priorVerification.statementIssuedOn", LocalDate.now(clock).minusMonths(2).toString()});
        f.add(new String[] {"priorVerification.bodyApprovedOrAccredited", "true"});
        f.add(new String[] {"priorVerification.identicalProduct", "true"});
        HttpResponse<String> r = post("/applications/" + id + "/accept", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        // 003 ¶38 "可做适当简化": the verification is simplified, not taken out (corrections.md B-4)
        assertThat(cases.require(id).waived()).isEmpty();
        assertThat(cases.require(id).simplified()).containsExactly(Stage.VERIFICATION);
        assertThat(cases.require(id).route().contains(Stage.VERIFICATION)).isTrue();
    }

    @Test
    void the_form_with_its_waiver_fields_left_blank_accepts_without_a_waiver() {
        long id = fx.submitted("client-motor", "CGC-R52003", "PV13", 120, null);
        List<String[]> f = contract();
        f.add(new String[] {"onsiteWaiver.previousInspectionReference", ""});
        f.add(new String[] {"onsiteWaiver.previousInspectionPassedOn", ""});
        f.add(new String[] {"priorVerification.statementReference", ""});
        HttpResponse<String> r = post("/applications/" + id + "/accept", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(cases.require(id).waived()).isEmpty();
    }

    @Test
    void an_unticked_condition_of_the_waiver_is_refused_on_the_page_with_its_clause() {
        long id = fx.submitted("client-motor", "CGC-R52003", "PV13", 120, null);
        List<String[]> f = contract();
        f.add(new String[] {"onsiteWaiver.previousInspectionReference", "CGC-INS-2026-001"});
        f.add(new String[] {"onsiteWaiver.previousInspectionPassedOn", LocalDate.now(clock).minusMonths(1).toString()});
        f.add(new String[] {"onsiteWaiver.sameProductType", "true"}); // same factory left unticked
        HttpResponse<String> r = post("/applications/" + id + "/accept", f);
        // a refused form comes back to its page with the reasons (ErrorAdvice)
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(http.follow(r, "pm").body()).contains("须为同一生产者的同一工厂").contains("003 ¶30");
        assertThat(cases.ofApplication(id)).isEmpty();
    }
}
