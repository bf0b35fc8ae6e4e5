package cn.cfp.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-VER-3 (验算) on a worked example, with the client's submissions (item 5), corrections as a layer, the deviation
 * against the plan's materiality, the seeded Monte Carlo, the team-role rule and the completion gate.
 *
 * <p>The inventory {@code verification/three-process.json} (hand calculation, kg CO2e per bracket, AR6; every factor
 * is already CO2e):
 * <pre>
 *   assembly  electricity 10 kWh × 0.5 = 5.0 (PRODUCTION)   steel sheet 2 kg × 2.0 = 4.0 (RAW_MATERIAL_ACQUISITION)
 *   casting   pig iron     3 kg  × 1.5 = 4.5 (RAW)          electricity 4 kWh × 0.5 = 2.0 (PRODUCTION)
 *   coating   powder paint 0.5 kg × 3.0 = 1.5 (RAW)         electricity 1 kWh × 0.5 = 0.5 (PRODUCTION)
 *   (casting and coating are each used once per bracket: scaling 1)
 *   total 17.5 = RAW 10.0 (57.14 %) + PRODUCTION 7.5 (42.86 %)
 * </pre>
 * Claim 18.2 → deviation (18.2 − 17.5) / 17.5 = +4.00 % &lt; materiality 5 % of the fixture's plan → WITHIN.
 * Correction: assembly electricity 10 → 12 kWh (meter reading) → +1.0 → 18.5; deviation (18.2 − 18.5)/18.5 = −1.62 %.
 * Claim 19.25 on a second version → (19.25 − 17.5)/17.5 = +10.00 % → MATERIAL.
 */
@CfpIntegrationTest
class VerificationWorkflowTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Verifications verifications;
    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
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

    static byte[] example() throws IOException {
        try (InputStream in = VerificationWorkflowTest.class.getResourceAsStream("/verification/three-process.json")) {
            return in.readAllBytes();
        }
    }

    static String code(Runnable r) {
        try {
            r.run();
        } catch (Refusal e) {
            return e.reasons().get(0).code();
        }
        throw new AssertionError("not refused");
    }

    HttpResponse<String> upload(long app, String user, String filename, byte[] content, String claim) {
        TestHttp.Multipart m = new TestHttp.Multipart().field("claimedKgCo2e", claim).file("file", filename, content);
        return http.send("POST", "/api/verification/" + app + "/submissions", user, m.contentType(), m.body());
    }

    long submissions() {
        return jdbc.sql("SELECT COUNT(*) FROM verification_submission").query(Long.class).single();
    }

    @Test
    void upload_recalculate_equals_the_hand_value_and_corrections_leave_the_client_version_unchanged_R_VER_3() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        HttpResponse<String> up = upload(app, "client-motor", "bracket.json", example(), "18.2");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        JsonNode sub = json.readTree(up.body());
        assertThat(sub.get("version").asInt()).isEqualTo(1);
        String sha = sub.get("sha256").asString();
        assertThat(sha).isEqualTo(cn.cfp.shared.Hashes.sha256Hex(example()));

        RecalculationView r = verifications.recalculate(fx.who("verifier"), app, null, null);
        assertThat(r.totalKgCo2e()).isCloseTo(17.5, within(1e-12));
        assertThat(r.deviationPercent()).isCloseTo(4.0, within(1e-9));
        assertThat(r.materialityPercent()).isEqualByComparingTo("5");
        assertThat(r.classification()).isEqualTo(Deviation.WITHIN);
        assertThat(r.sha256()).isEqualTo(sha);
        assertThat(r.engineVersion()).isEqualTo(FootprintAdapter.ENGINE_VERSION);
        assertThat(r.gwpSet()).isEqualTo("AR6");
        JsonNode stored = json.readTree(verifications.recalculation(app, r.id()).resultJson()).get("result");
        assertThat(stored.get("stages").get(0).get("kgCo2e").asDouble()).isCloseTo(10.0, within(1e-12));
        assertThat(stored.get("stages").get(2).get("kgCo2e").asDouble()).isCloseTo(7.5, within(1e-12));
        assertThat(stored.get("label").isNull()).as("CNEX has no label rounding table").isTrue();

        // the verifier corrects the assembly's electricity with a reason: a layer, the client's version is unchanged
        Correction.Stored c = verifications.correct(fx.who("verifier"), app,
                new Correction(Correction.Kind.ACTIVITY, "assembly", "electricity", null, null, 12, "电表读数 12 kWh/件"));
        assertThat(c.originalValue()).isEqualTo(10.0);
        RecalculationView r2 = verifications.recalculate(fx.who("verifier"), app, null, null);
        assertThat(r2.totalKgCo2e()).isCloseTo(18.5, within(1e-12));
        assertThat(r2.deviationPercent()).isCloseTo((18.2 - 18.5) / 18.5 * 100, within(1e-9));
        assertThat(r2.correctionIds()).containsExactly(c.id());
        SubmissionView v1 = verifications.submissions(app).get(0);
        assertThat(v1.sha256()).isEqualTo(sha);
        assertThat(cn.cfp.shared.Hashes.sha256Hex(context.getBean(cn.cfp.evidence.EvidenceStore.class).open(v1.evidenceId())
                .readAllBytes())).isEqualTo(sha);
        assertThat(verifications.inventory(v1).processes().get(0).inputs().get(2).amount().amount()).isEqualTo(10.0);

        // a second version with a claim 10 % above: MATERIAL; versions 1, 2 are both kept
        assertThat(upload(app, "client-motor", "bracket-v2.json", example(), "19.25").statusCode()).isEqualTo(201);
        RecalculationView r3 = verifications.recalculate(fx.who("verifier"), app, null, null);
        assertThat(r3.submissionVersion()).isEqualTo(2);
        assertThat(r3.correctionIds()).as("corrections belong to the version they were made on").isEmpty();
        assertThat(r3.deviationPercent()).isCloseTo(10.0, within(1e-9));
        assertThat(r3.classification()).isEqualTo(Deviation.MATERIAL);
        assertThat(verifications.submissions(app)).extracting(SubmissionView::version).containsExactly(1, 2);
    }

    @Test
    void the_stored_total_is_what_cfp_calc_prints_for_the_same_inventory_R_CALC_13() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("17.5"));
        RecalculationView r = verifications.recalculate(fx.who("verifier"), app, null, null);
        String table = FootprintAdapter.table(cn.cfp.calc.footprint.FootprintCalculator.calculate(
                InventoryJson.read(new ByteArrayInputStream(example()), "bracket.json")), null);
        // `./cfp calc bracket.json` prints "TOTAL   17.500000  100.00%": the same digits as the stored result
        assertThat(table).contains("TOTAL").contains(FootprintAdapter.kg(r.totalKgCo2e()));
        assertThat(FootprintAdapter.kg(r.totalKgCo2e())).isEqualTo("17.500000");
        assertThat(r.classification()).isEqualTo(Deviation.WITHIN);
        assertThat(r.deviationPercent()).isEqualTo(0.0);
    }

    @Test
    void a_workbook_with_errors_is_refused_naming_sheet_row_and_column_and_nothing_is_stored_R_CALC_13() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InventoryWorkbook.write(InventoryJson.read(new ByteArrayInputStream(example()), "bracket.json"), out);
        XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        Sheet inputs = wb.getSheet(InventoryWorkbook.INPUTS);
        int unitColumn = -1;
        Row header = null;
        for (Row row : inputs) {
            for (var cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals("unit")) {
                    unitColumn = cell.getColumnIndex();
                    header = row;
                }
            }
            if (header != null) {
                break;
            }
        }
        assertThat(unitColumn).isNotNegative();
        inputs.getRow(header.getRowNum() + 1).getCell(unitColumn).setCellValue("kgg");
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        wb.write(bad);
        wb.close();
        long before = submissions();
        long files = jdbc.sql("SELECT COUNT(*) FROM evidence_file").query(Long.class).single();
        HttpResponse<String> r = upload(app, "client-motor", "bracket.xlsx", bad.toByteArray(), "17.5");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode err = json.readTree(r.body()).get("errors").get(0);
        assertThat(err.get("code").asString()).isEqualTo("verification.inventoryError");
        assertThat(err.toString()).contains("sheet 'inputs'").contains("row").contains("column 'unit'").contains("kgg");
        assertThat(submissions()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evidence_file").query(Long.class).single()).isEqualTo(files);
        // the intact workbook is accepted and gives the hand value
        assertThat(upload(app, "client-motor", "bracket.xlsx", out.toByteArray(), "17.5").statusCode()).isEqualTo(201);
        assertThat(verifications.recalculate(fx.who("verifier"), app, null, null).totalKgCo2e()).isCloseTo(17.5, within(1e-12));
    }

    @Test
    void monte_carlo_with_the_same_seed_gives_the_same_numbers_R_CALC_9() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("18"));
        RecalculationView a = verifications.recalculate(fx.who("verifier"), app, 500, 7L);
        RecalculationView b = verifications.recalculate(fx.who("verifier"), app, 500, 7L);
        RecalculationView other = verifications.recalculate(fx.who("verifier"), app, 500, 8L);
        JsonNode ma = json.readTree(verifications.recalculation(app, a.id()).resultJson()).get("monteCarlo");
        JsonNode mb = json.readTree(verifications.recalculation(app, b.id()).resultJson()).get("monteCarlo");
        JsonNode mo = json.readTree(verifications.recalculation(app, other.id()).resultJson()).get("monteCarlo");
        assertThat(a.seed()).isEqualTo(7L);
        assertThat(a.iterations()).isEqualTo(500);
        assertThat(ma.get("statistics")).isEqualTo(mb.get("statistics"));
        assertThat(ma.get("statistics").get("mean").asDouble()).isNotEqualTo(mo.get("statistics").get("mean").asDouble());
        assertThat(code(() -> verifications.recalculate(fx.who("verifier"), app, 500, null))).isEqualTo("verification.seedRequired");
    }

    @Test
    void only_the_leader_or_a_verifier_of_the_team_does_verification_work() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("18"));
        // inspector2 is on the team as INSPECTOR: not a verifier
        assertThat(code(() -> verifications.recalculate(fx.who("inspector2"), app, null, null))).isEqualTo("verification.notVerifier");
        HttpResponse<String> r = http.send("POST", "/api/verification/" + app + "/recalculations", "inspector2",
                "application/json", "{}".getBytes());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("verification.notVerifier");
        // the project manager is not on the team (access table); the leader may
        assertThat(http.send("POST", "/api/verification/" + app + "/recalculations", "pm", "application/json", "{}".getBytes())
                .statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/api/verification/" + app + "/recalculations", "inspector", "application/json",
                "{}".getBytes()).statusCode()).isEqualTo(201);
        // staff cannot upload the client's data
        assertThat(upload(app, "verifier", "bracket.json", example(), "18").statusCode()).isEqualTo(403);
    }

    @Test
    void completion_is_refused_while_aspects_are_open_a_verification_nc_is_open_or_the_recalculation_is_stale_000_Ann2_4_3_1() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        var v = fx.who("verifier");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("19.25"));
        assertThat(verifications.view(app).completion().reasons()).extracting(cn.cfp.shared.Reason::code)
                .contains("verification.aspectOpen", "verification.recalculationMissing");
        for (Aspect a : Aspect.SIX) {
            verifications.conclude(v, app, a, Aspect.Conclusion.CONFORMS, "逐项核查", null);
        }
        RecalculationView r = verifications.recalculate(v, app, null, null);
        assertThat(r.classification()).isEqualTo(Deviation.MATERIAL);
        NonconformityView nc = verifications.raise(v, app, new Verifications.Finding(null, "000 Ann.2 §4.3.3",
                "声明值比验算值高 10 %", null, null, null));
        assertThat(nc.source()).isEqualTo(Stage.VERIFICATION);
        assertThat(code(() -> verifications.complete(v, app, "核查完成"))).isEqualTo("nonconformity.open");
        // a correction after the recalculation makes it stale
        verifications.correct(v, app, new Correction(Correction.Kind.FACTOR, null, null, "grid", null, 0.55, "区域电网因子"));
        assertThat(verifications.view(app).completion().reasons()).extracting(cn.cfp.shared.Reason::code)
                .contains("verification.recalculationMissing", "nonconformity.open");
        assertThat(cases.require(app).completed()).doesNotContain(Stage.VERIFICATION);
    }

    @Test
    void a_clean_verification_completes_the_stage() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        var v = fx.who("verifier");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("17.6"));
        for (Aspect a : Aspect.SIX) {
            verifications.conclude(v, app, a, Aspect.Conclusion.CONFORMS, null, null);
        }
        assertThat(code(() -> verifications.conclude(v, app, Aspect.BOUNDARY, Aspect.Conclusion.NOT_CONFORMS, " ", null)))
                .isEqualTo("verification.noteRequired");
        assertThat(code(() -> verifications.conclude(v, app, Aspect.BOUNDARY, Aspect.Conclusion.CONFORMS, null, 7)))
                .isEqualTo("verification.stale");
        // a consistency check only replaces the recalculation where a prior verification is adopted (003 ¶38)
        assertThat(code(() -> verifications.conclude(v, app, Aspect.CONSISTENCY_CHECK, Aspect.Conclusion.CONFORMS, "一致", null)))
                .isEqualTo("verification.noConsistencyCheck");
        verifications.recalculate(v, app, null, null);
        verifications.complete(v, app, "核查完成");
        assertThat(cases.require(app).completed()).contains(Stage.VERIFICATION);
    }

    @Test
    void cgc_class_of_a_finding_follows_the_engine_what_if_effect_003_70() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CGC-R52003");
        var v = fx.who("verifier");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("17.5"));
        // the on-site verification follows the claim-and-evidence evaluation [003 ¶60–62]
        fx.claimConforms(app);
        // electricity 10 -> 12 kWh: with 18.5, without 17.5: (17.5 - 18.5) / 18.5 = -5.405 % -> GENERAL (< 10 %)
        Correction.Stored small = verifications.correct(v, app,
                new Correction(Correction.Kind.ACTIVITY, "assembly", "electricity", null, null, 12, "电表读数"));
        assertThat(verifications.effectPercent(app, small.id())).isEqualByComparingTo("-5.405");
        NonconformityView general = verifications.raise(v, app, new Verifications.Finding(null, "003 ¶65", "电量少报", null,
                small.id(), null));
        assertThat(general.ncClass()).isEqualTo("GENERAL");
        // steel factor 2.0 -> 4.0: with 22.5 (18.5 + 4.0), without 18.5: (18.5 - 22.5) / 22.5 = -17.778 % -> SERIOUS
        Correction.Stored big = verifications.correct(v, app,
                new Correction(Correction.Kind.FACTOR, null, null, "steel", null, 4.0, "供应商 EPD 已过期"));
        assertThat(verifications.effectPercent(app, big.id())).isEqualByComparingTo("-17.778");
        NonconformityView serious = verifications.raise(v, app, new Verifications.Finding(null, "003 ¶19", "钢材因子不适用", null,
                big.id(), null));
        assertThat(serious.ncClass()).isEqualTo("SERIOUS");
        assertThat(serious.effectPercent()).isEqualByComparingTo("-17.778");
    }

    @Test
    void a_correction_needs_a_reason_and_an_existing_value() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        var v = fx.who("verifier");
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("17.5"));
        assertThat(code(() -> verifications.correct(v, app, new Correction(Correction.Kind.ACTIVITY, "assembly", "electricity",
                null, null, 12, " ")))).isEqualTo("verification.reasonRequired");
        assertThat(code(() -> verifications.correct(v, app, new Correction(Correction.Kind.ACTIVITY, "assembly", "gas",
                null, null, 12, "x")))).isEqualTo("verification.correctionTarget");
        assertThat(code(() -> verifications.correct(v, app, new Correction(Correction.Kind.FACTOR, null, null, "nope",
                null, 1, "x")))).isEqualTo("verification.correctionTarget");
        assertThat(List.of(verifications.view(app).corrections().size())).containsExactly(0);
    }

    @Test
    void only_a_scheme_with_a_rounding_table_gets_a_label_value_CICC_004_10_6() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CICC-ZY-GZ-20");
        fx.stage1Proceeds(app); // stage 2 after stage 1 [004 §9.5]
        verifications.submit(fx.who("client-motor"), app, "bracket.json", example(), new BigDecimal("17.5"));
        RecalculationView r = verifications.recalculate(fx.who("verifier"), app, null, null);
        JsonNode label = json.readTree(verifications.recalculation(app, r.id()).resultJson()).get("result").get("label");
        // 17,500 g: above the table's 10 kg, "by the same principle": 1,750 g in (1, 2 kg] -> step 100 g, x10 -> 1 kg
        assertThat(label.get("text").asString()).isEqualTo("18 kg CO2e");
        assertThat(label.get("table").asString()).contains("004 §10.6");
        // the scheme's table, mapped for the engine, rounds like the engine's built-in CICC table
        var table = FootprintAdapter.labelRounding(context.getBean(cn.cfp.scheme.SchemeCatalog.class).get("CICC-ZY-GZ-20"));
        for (double kg : new double[] {0.0073, 0.0153, 0.425, 4.25, 15.5, 104.32, 1234}) {
            assertThat(table.roundKg(kg).text()).isEqualTo(cn.cfp.calc.label.LabelRounding.CICC_ZY_GZ_20.roundKg(kg).text());
        }
        assertThat(FootprintAdapter.labelRounding(context.getBean(cn.cfp.scheme.SchemeCatalog.class).get("CGC-R52003"))).isNull();
    }
}
