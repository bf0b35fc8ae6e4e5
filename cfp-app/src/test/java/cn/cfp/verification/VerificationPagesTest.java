package cn.cfp.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.VerificationTables;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/**
 * The verification page (issue 9 item 10) in both languages, the client's view against the staff's, and the data-check
 * table rows (R-VER-2; item 5): saved per row with a version, refused for an unverified supplier datum concluded
 * "conforms" [000 Ann.2 §4.3.2.2(4)], printed in the report; Table 3 only where the scheme lists it [002 §5.4.3.2 a)].
 *
 * <p>Numbers (three-process.json, see VerificationWorkflowTest): 17.5 kg as submitted; the correction assembly electricity
 * 10 → 12 kWh adds 2 kWh × 0.5 = 1.0 → 18.5 kg; its what-if effect is (17.5 − 18.5) / 18.5 = −5.405 %.
 */
@CfpIntegrationTest
class VerificationPagesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Verifications verifications;
    @Autowired
    SchemeCatalog schemes;
    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;

    TestHttp http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    HttpResponse<String> row(long app, String user, String table, String body) {
        return http.send("PUT", "/api/verification/" + app + "/tables/" + table, user, "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_client_sees_its_versions_only_and_the_staff_the_worksheet_in_one_language_per_page_R_VER_1() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        SubmissionView s = verifications.submit(fx.who("client-motor"), app, "bracket.json", VerificationWorkflowTest.example(),
                new BigDecimal("18.2"));
        verifications.conclude(fx.who("verifier"), app, Aspect.DATA_COLLECTION, Aspect.Conclusion.NOT_CONFORMS,
                "NOTE-ONLY-STAFF 电表记录缺页", null);
        verifications.correct(fx.who("verifier"), app, new Correction(Correction.Kind.ACTIVITY, "assembly", "electricity", null,
                null, 12, "REASON-ONLY-STAFF 电表读数"));
        verifications.recalculate(fx.who("verifier"), app, null, null);

        HttpResponse<String> client = http.send("GET", "/verification/" + app, "client-motor");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("提交的碳足迹数据", s.sha256(), "18.2 kg CO2e", "submission-form", "上传新版本");
        assertThat(client.body()).doesNotContain("NOTE-ONLY-STAFF", "REASON-ONLY-STAFF", "18.500000", "correction-table",
                "核查内容", "Footprint data submitted");
        HttpResponse<String> clientEn = http.send("GET", "/verification/" + app + "?lang=en", "client-motor");
        assertThat(clientEn.body()).contains("Footprint data submitted", "Upload a new version", s.sha256())
                .doesNotContain("提交的碳足迹数据", "NOTE-ONLY-STAFF", "REASON-ONLY-STAFF");

        HttpResponse<String> staff = http.send("GET", "/verification/" + app, "verifier");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).contains("核查内容", "NOTE-ONLY-STAFF", "REASON-ONLY-STAFF", "18.500000", "-5.405 %",
                "表 2 次级数据核查表", "表 1 初级数据核查表", "assembly / electricity", s.sha256(), "recalculation-form")
                .doesNotContain("表 3 初级数据质量要求", "submission-form", "Verification aspects");
        HttpResponse<String> staffEn = http.send("GET", "/verification/" + app + "?lang=en", "verifier");
        assertThat(staffEn.body()).contains("Verification aspects", "Table 2 secondary data check", "18.500000")
                .doesNotContain("核查内容", "数据核查表");
        // the PM sees the worksheet but may not write it (no forms)
        HttpResponse<String> pm = http.send("GET", "/verification/" + app, "pm");
        assertThat(pm.body()).contains("NOTE-ONLY-STAFF").doesNotContain("recalculation-form", "correction-form");
    }

    @Test
    void a_table_row_is_saved_with_its_version_and_an_unverified_supplier_datum_cannot_conform_000_Ann2_4_3_2_2() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", VerificationWorkflowTest.example(), new BigDecimal("18.2"));
        String key = "\"stage\":\"PRODUCTION\",\"key\":\"assembly / electricity\"";

        HttpResponse<String> refused = row(app, "verifier", "SECONDARY_DATA", "{" + key
                + ",\"conclusion\":\"CONFORMS\",\"supplierData\":true,\"thirdPartyVerified\":false}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("verification.supplierNotVerified");
        HttpResponse<String> foreign = row(app, "verifier", "SECONDARY_DATA", "{" + key
                + ",\"conclusion\":\"CONFORMS\",\"foreignData\":true}");
        assertThat(foreign.body()).contains("verification.foreignNotJustified");

        HttpResponse<String> ok = row(app, "verifier", "SECONDARY_DATA", "{" + key
                + ",\"conclusion\":\"CONFORMS\",\"supplierData\":true,\"thirdPartyVerified\":true,\"foreignData\":true,"
                + "\"foreignDataNote\":\"FJOK\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode saved = json.readTree(ok.body());
        assertThat(saved.get("version").asInt()).isZero();
        assertThat(saved.get("savedBy").asString()).isEqualTo("verifier");
        // a second save with no version (or a stale one) is refused; with the version seen it passes
        assertThat(row(app, "verifier", "SECONDARY_DATA", "{" + key + ",\"conclusion\":\"NOT_CONFORMS\"}").statusCode()).isEqualTo(409);
        assertThat(row(app, "verifier", "SECONDARY_DATA", "{" + key + ",\"conclusion\":\"CONFORMS\",\"supplierData\":true,"
                + "\"thirdPartyVerified\":true,\"foreignData\":true,\"foreignDataNote\":\"FJOK\",\"version\":0}").statusCode()).isEqualTo(200);
        // inspector2 is INSPECTOR on the team: not a verifying role
        assertThat(row(app, "inspector2", "SECONDARY_DATA", "{" + key + ",\"version\":1}").body()).contains("verification.notVerifier");
        // Table 3 is CEC's only; an unknown row is 404
        assertThat(row(app, "verifier", "PRIMARY_DATA_QUALITY", "{" + key + "}").body()).contains("verification.tableNotInScheme");
        assertThat(row(app, "verifier", "SECONDARY_DATA", "{\"stage\":\"PRODUCTION\",\"key\":\"nothing / here\"}").statusCode())
                .isEqualTo(404);
        assertThat(schemes.get("CEC-FURNITURE").verificationTables().value().has(VerificationTables.Table.PRIMARY_DATA_QUALITY)).isTrue();
        assertThat(schemes.get("CNEX-01-G").verificationTables().value().tables())
                .containsExactly(VerificationTables.Table.PRIMARY_DATA, VerificationTables.Table.SECONDARY_DATA);

        // the page shows the saved row, and the report prints it
        assertThat(http.send("GET", "/verification/" + app, "verifier").body()).contains("FJOK");
        verifications.recalculate(fx.who("verifier"), app, null, null);
        HttpResponse<byte[]> pdf = http.sendForBytes("/api/verification/" + app + "/report.pdf", "verifier");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("FJOK", "供应商数据，已经第三方核查", "交叉校核");
        }
    }

    /**
     * CEC: Table 1 and Table 3 rows of a primary datum. The example with a direct emission added to assembly — 0.5 kg
     * fossil CO2 (GWP 1, a primary datum by default) — gives 17.5 + 0.5 = 18.0 kg CO2e.
     */
    @Test
    void cec_fills_table_1_and_its_table_3_per_primary_datum_and_the_report_prints_them_R_VER_2_002_5_4_3_2_a() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CEC-FURNITURE");
        String inv = new String(VerificationWorkflowTest.example(), StandardCharsets.UTF_8).replaceFirst(
                "\"outputs\": \\[\\{\"flow\": \"bracket\"",
                "\"emissions\": [{\"name\": \"process CO2\", \"gas\": \"CO2\", \"amount\": 0.5, \"unit\": \"kg\", \"origin\": \"FOSSIL\"}],"
                        + " \"outputs\": [{\"flow\": \"bracket\"");
        assertThat(inv).contains("process CO2");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", inv.getBytes(StandardCharsets.UTF_8), new BigDecimal("18"));
        String key = "\"stage\":\"PRODUCTION\",\"key\":\"assembly / process CO2\"";

        assertThat(row(app, "verifier", "PRIMARY_DATA", "{" + key + ",\"cells\":{\"colour\":\"x\"}}").body())
                .contains("verification.columnUnknown");
        HttpResponse<String> t1 = row(app, "verifier", "PRIMARY_DATA", "{" + key
                + ",\"cells\":{\"method\":\"CEMS\",\"calibration\":\"CAL2507\",\"crossCheck\":\"XCHK\"},\"conclusion\":\"CONFORMS\"}");
        assertThat(t1.statusCode()).as(t1.body()).isEqualTo(200);
        assertThat(json.readTree(t1.body()).get("cells").get("calibration").asString()).isEqualTo("CAL2507");
        HttpResponse<String> t3 = row(app, "verifier", "PRIMARY_DATA_QUALITY", "{" + key
                + ",\"cells\":{\"monitoringPoint\":\"MPSTACK\",\"use\":\"USECALC\"}}");
        assertThat(t3.statusCode()).as(t3.body()).isEqualTo(200);

        String page = http.send("GET", "/verification/" + app, "verifier").body();
        assertThat(page).contains("表 3 初级数据质量要求", "监测点要求", "MPSTACK", "CAL2507");
        RecalculationView r = verifications.recalculate(fx.who("verifier"), app, null, null);
        assertThat(r.totalKgCo2e()).isCloseTo(18.0, org.assertj.core.api.Assertions.within(1e-12));
        HttpResponse<byte[]> pdf = http.sendForBytes("/api/verification/" + app + "/report.pdf", "verifier");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("CAL2507", "XCHK", "MPSTACK", "USECALC", "初级数据质量要求（表3）", "18.000000");
        }
    }

    HttpResponse<String> form(long app, String user, String action, String formId, String... fields) {
        StringBuilder b = new StringBuilder("_form=" + formId + "&_page=" + java.net.URLEncoder.encode("/verification/" + app,
                StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            b.append('&').append(fields[i]).append('=').append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.send("POST", "/verification/" + app + "/" + action, user, "application/x-www-form-urlencoded",
                b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page's forms: a correction without a reason comes back with the reason in words; a correction, its NC (with
     * the engine's what-if effect −5.405 %, see the class comment) and a seeded Monte Carlo recalculation show on the page.
     */
    @Test
    void the_forms_correct_raise_an_nc_from_the_correction_and_recalculate_with_a_seed_R_VER_3_R_NC_1() {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", exampleBytes(), new BigDecimal("18.2"));

        HttpResponse<String> refused = form(app, "verifier", "corrections", "correction-form", "kind", "ACTIVITY",
                "processId", "assembly", "item", "electricity", "correctedValue", "12", "reason", "");
        assertThat(refused.statusCode()).isBetween(300, 399);
        assertThat(http.follow(refused, "verifier").body()).contains("refusal-reasons", "请写明更正理由");
        assertThat(verifications.view(app).corrections()).isEmpty();

        HttpResponse<String> ok = form(app, "verifier", "corrections", "correction-form", "kind", "ACTIVITY",
                "processId", "assembly", "item", "electricity", "correctedValue", "12", "reason", "电表读数 12 kWh");
        assertThat(ok.statusCode()).isBetween(300, 399);
        long correction = verifications.view(app).corrections().get(0).id();
        assertThat(form(app, "verifier", "nonconformities", "nc-form", "correctionId", String.valueOf(correction),
                "clause", "000 Ann.2 §4.3.2.1", "description", "电表读数与清单不符").statusCode()).isBetween(300, 399);
        assertThat(form(app, "verifier", "recalculations", "recalculation-form", "iterations", "200", "seed", "11")
                .statusCode()).isBetween(300, 399);

        String page = http.send("GET", "/verification/" + app, "verifier").body();
        assertThat(page).contains("nc-table", "CORRECTION-" + correction, "-5.405 %", "电表读数与清单不符",
                "蒙特卡洛 200 次（种子 11）", "18.500000");
        // the NC is open: completion lists it among its reasons
        assertThat(page).contains("completion-reasons");
    }

    static byte[] exampleBytes() {
        try {
            return VerificationWorkflowTest.example();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
