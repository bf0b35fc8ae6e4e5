package cn.cfp.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import cn.cfp.planning.OnSiteFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

/** R-INS-5 (back-half §1.6): suspending an activity with the body's approval, the notice, the clock; termination. */
@CfpIntegrationTest
class SuspensionApiTest {

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

    TestHttp http;
    OnSiteFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new OnSiteFixture(context);
    }

    HttpResponse<String> call(String method, String path, String user, String body) {
        return http.send(method, path, user, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    List<String> codes(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        List<String> out = new ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> out.add(e.get("code").asString()));
        return out;
    }

    @Test
    void a_client_caused_suspension_is_approved_by_the_project_manager_pauses_the_clock_and_resumes_001_9_5_5() throws IOException {
        long app = fx.visitStarted("CNEX-01-G");
        String base = "/api/inspection/" + app + "/suspensions";
        assertThat(codes(call("POST", base, "verifier", "{\"activity\":\"INSPECTION\",\"reason\":\"NON_COOPERATION\",\"text\":\"x\"}"), 403))
                .containsExactly("inspection.suspension.role");
        assertThat(codes(call("POST", base, "inspector", "{\"activity\":\"INSPECTION\",\"reason\":\"WEATHER\",\"text\":\" \"}"), 400))
                .containsExactly("inspection.suspension.reason", "inspection.suspension.textRequired");
        JsonNode s = ok(call("POST", base, "inspector",
                "{\"activity\":\"INSPECTION\",\"reason\":\"NON_COOPERATION\",\"text\":\"企业拒绝提供能源台账\",\"clientCaused\":true}"));
        long id = s.get("id").asLong();
        assertThat(s.get("status").asString()).isEqualTo("REPORTED");
        assertThat(cases.require(app).paused()).isFalse();
        // no notice before the body agrees [001 §9.5.5 "经认证机构同意后方可中止"]
        assertThat(http.sendForBytes(base + "/" + id + "/notice.pdf", "pm").statusCode()).isEqualTo(409);
        JsonNode approved = ok(call("POST", base + "/" + id + "/approval", "pm", "{\"version\":0}"));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(cases.require(app).paused()).isTrue();
        HttpResponse<String> page = call("GET", "/inspection/" + app, "pm", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("已中止").contains("/suspensions/" + id + "/notice.pdf").contains("resume-" + id);
        HttpResponse<byte[]> pdf = http.sendForBytes(base + "/" + id + "/notice.pdf", "pm");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("认证核查中止通知书", "企业拒绝提供能源台账", "认证委托人不配合");
        }
        assertThat(codes(call("POST", base + "/" + id + "/resumption", "pm", "{\"version\":0}"), 409))
                .containsExactly("inspection.suspension.stale");
        ok(call("POST", base + "/" + id + "/resumption", "pm", "{\"version\":1}"));
        assertThat(cases.require(app).paused()).isFalse();
    }

    @Test
    void a_terminated_project_keeps_the_reasons_and_the_clients_receipt_004_9_8_4() {
        long app = fx.planSent("CICC-ZY-GZ-20");
        String path = "/api/inspection/" + app + "/termination";
        TestHttp.Multipart none = new TestHttp.Multipart().field("reasons", "资料不足，无法开展文件审定");
        assertThat(codes(http.send("POST", path, "pm", none.contentType(), none.body()), 400))
                .containsExactly("inspection.termination.receiptRequired");
        TestHttp.Multipart form = new TestHttp.Multipart().field("reasons", "资料不足，无法开展文件审定")
                .file("file", "receipt.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = http.send("POST", path, "pm", form.contentType(), form.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(cases.require(app).end()).isPresent();
        assertThat(cases.require(app).end().get().reason()).isEqualTo("资料不足，无法开展文件审定");
    }
}
