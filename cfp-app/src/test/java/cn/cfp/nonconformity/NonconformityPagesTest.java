package cn.cfp.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The staff and client pages of nonconformities (R-NC-1, R-NC-2): forms by role; the client never sees the team's notes. */
@CfpIntegrationTest
class NonconformityPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Nonconformities ncs;
    @Autowired
    Clock clock;

    TestHttp http;
    OnSiteFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new OnSiteFixture(context);
    }

    @Test
    void the_staff_page_offers_raise_issue_and_verify_and_the_client_page_the_answer_without_the_team_notes_R_NC_2() {
        long app = fx.visitStarted("CGC-R52003");
        NonconformityView v = ncs.raise(fx.who("verifier"), app, new NewNonconformity(Stage.VERIFICATION, "DATA", "003 ¶65",
                "电力数据与发票不符", "GENERAL", new java.math.BigDecimal("3"), null));
        HttpResponse<String> staff = http.send("GET", "/nonconformities/" + app, "verifier");
        assertThat(staff.statusCode()).isEqualTo(200);
        // the class select offers the scheme's classes; the effect field is there because CGC grades by effect [003 ¶70]
        assertThat(staff.body()).contains("id=\"raise-form\"").contains("value=\"SERIOUS\"").contains("name=\"effectPercent\"")
                .contains("id=\"issue-VERIFICATION\"").contains("电力数据与发票不符");
        // the client sees nothing raised but not issued
        assertThat(http.send("GET", "/nonconformities/" + app, "client-motor").body()).doesNotContain("电力数据与发票不符");
        ncs.issue(fx.who("verifier"), app, Stage.VERIFICATION, LocalDate.now(clock).plusDays(5));
        HttpResponse<String> client = http.send("GET", "/nonconformities/" + app, "client-motor");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("电力数据与发票不符").contains("id=\"answer-" + v.number() + "\"").contains("multipart/form-data");
        // the client answers through the page; the team rejects with an internal note
        TestHttp.Multipart m = new TestHttp.Multipart().field("_form", "answer-" + v.number()).field("correction", "更正电力数据")
                .field("cause", "抄表错误").field("correctiveAction", "双人复核抄表").file("files", "invoice.pdf",
                        "%PDF-1.4\n% invoice\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = http.send("POST", "/nonconformities/" + app + "/" + v.id() + "/answer", "client-motor",
                m.contentType(), m.body());
        assertThat(posted.statusCode()).as(posted.body()).isIn(302, 303);
        ncs.verify(fx.who("verifier"), app, v.id(), new Nonconformities.VerifyInput(false, VerificationMethod.WRITTEN,
                "发票与抄表记录仍不一致", LocalDate.now(clock).plusDays(9), null, null, "内部：怀疑数据造假"));
        String clientPage = http.send("GET", "/nonconformities/" + app, "client-motor").body();
        assertThat(clientPage).contains("发票与抄表记录仍不一致").doesNotContain("内部：怀疑数据造假");
        assertThat(http.send("GET", "/nonconformities/" + app, "verifier").body()).contains("内部：怀疑数据造假");
        assertThat(List.of(http.send("GET", "/nonconformities/" + app + "?lang=en", "client-motor").statusCode())).containsExactly(200);
    }
}
