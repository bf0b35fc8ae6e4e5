package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.access.ApiTokens;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.cases.Cases;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9's "done when", over the REST API: one case per scheme from a sent plan through the on-site inspection, the
 * evaluations its scheme has (CICC stage 1, CGC claim and evidence), the PCF verification with the recalculation of an
 * uploaded data-collection workbook worked by hand, nonconformities raised, issued, answered and closed, the report
 * stage where the route has one (CNEX), to "ready for technical review"; the reports are rendered and read back, and
 * `cfp calc` on the same inventory prints the report's total.
 *
 * <p>The worked example (src/test/resources/verification/three-process.json, a steel bracket, 1 piece, cradle to gate):
 * <pre>
 *   assembly: electricity 10 kWh x 0.5 = 5.0; steel sheet 2 kg x 2.0 = 4.0
 *   casting:  pig iron 3 kg x 1.5 = 4.5;     electricity 4 kWh x 0.5 = 2.0
 *   coating:  powder paint 0.5 kg x 3.0 = 1.5; electricity 1 kWh x 0.5 = 0.5
 *   total 17.5 kg CO2e: raw material acquisition 4.0 + 4.5 + 1.5 = 10.0 (57.14 %), production 7.5 (42.86 %)
 * </pre>
 * The verifier finds the assembly meter read 12 kWh, not 10: +2 kWh x 0.5 = +1.0, so 18.5 kg CO2e (raw material 10.0 =
 * 54.05 %, production 8.5 = 45.95 %); the client's claim of 17.5 deviates (17.5 - 18.5) / 18.5 = -5.41 %, beyond the plan's
 * 5 % materiality. The correction's effect as the engine's what-if is -5.405 % (CGC: a general NC, below 10 % [003 ¶70]).
 */
@CfpIntegrationTest
class BackHalfFlowApiTest {

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

    @TempDir
    Path tmp;

    ReviewReadyFixture walk;
    TestHttp http;
    OnSiteFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        walk = new ReviewReadyFixture(context, port);
        http = walk.http();
        fx = walk.onSite();
    }

    // ------------------------------------------------------------------ HTTP helpers

    HttpResponse<String> call(String method, String path, String user, Object body) {
        return walk.call(method, path, user, body);
    }

    JsonNode ok(HttpResponse<String> r) {
        return walk.ok(r);
    }

    List<String> refused(HttpResponse<String> r, int status) {
        return walk.refused(r, status);
    }

    String pdfText(String path) throws IOException {
        HttpResponse<byte[]> pdf = http.sendForBytes(path, "pm");
        assertThat(pdf.statusCode()).as(path).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    List<Stage> stages(long app) {
        return walk.stages(app);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static byte[] example() throws IOException {
        try (var in = BackHalfFlowApiTest.class.getResourceAsStream("/verification/three-process.json")) {
            return in.readAllBytes();
        }
    }

    /** The worked example as the client's data-collection workbook (the Excel template cfp-calc reads). */
    static byte[] workbook() {
        return ReviewReadyFixture.workbook();
    }

    /** The workbook with the unit of its first input written "kgg" (no such unit). */
    static byte[] brokenWorkbook() throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(workbook()))) {
            org.apache.poi.ss.usermodel.Sheet inputs = wb.getSheet(InventoryWorkbook.INPUTS);
            for (org.apache.poi.ss.usermodel.Row row : inputs) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals("unit")) {
                        inputs.getRow(row.getRowNum() + 1).getCell(cell.getColumnIndex()).setCellValue("kgg");
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        wb.write(out);
                        return out.toByteArray();
                    }
                }
            }
        }
        throw new AssertionError("no unit column in the workbook");
    }

    // ------------------------------------------------------------------ the flow

    @ParameterizedTest
    @ValueSource(strings = {"CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003", "CICC-ZY-GZ-20"})
    void a_case_goes_from_its_sent_plan_through_inspection_verification_and_nonconformities_to_its_technical_review(String scheme)
            throws Exception {
        long app = fx.planSent(scheme);

        // document review conforms; the client confirms the on-site plan where the scheme requires it; the visit starts
        ok(call("POST", "/api/applications/" + app + "/document-review", "pm", Map.of("conclusion", "CONFORMS", "findings", "文件齐全")));
        JsonNode plan = ok(call("GET", "/api/planning/" + app, "pm", null));
        if (!plan.get("visitGate").get("allowed").asBoolean()) {
            ok(call("POST", "/api/planning/" + app + "/confirmation", "client-motor",
                    Map.of("revision", plan.get("currentRevision").get("number").asInt(), "note", "同意")));
        }
        ok(call("POST", "/api/planning/" + app + "/visit-start", "inspector", null));

        String reportText = null;
        for (int guard = 0; guard < 10 && !stages(app).equals(List.of(Stage.TECHNICAL_REVIEW)); guard++) {
            List<Stage> now = stages(app);
            if (now.contains(Stage.PRELIMINARY_EVALUATION)) {
                stage1(app);
            } else if (now.contains(Stage.ON_SITE_INSPECTION)) {
                inspection(app, scheme);
                if (now.contains(Stage.VERIFICATION)) {   // worked together with the inspection (000, CNEX, CEC)
                    reportText = verification(app, scheme);
                }
            } else if (now.contains(Stage.VERIFICATION)) {
                reportText = verification(app, scheme);
            } else if (now.contains(Stage.NC_CLOSURE)) {
                ncClosure(app);
            } else if (now.contains(Stage.REPORT)) {
                ok(call("POST", "/api/reports/" + app, "preparer", Map.of("conclusion", "POSITIVE",
                        "verifiedInformation", "产品碳足迹 18.5 kgCO2e/件（从摇篮到大门）")));
            } else {
                throw new AssertionError(scheme + ": unexpected stages " + now);
            }
        }
        assertThat(stages(app)).as(scheme).containsExactly(Stage.TECHNICAL_REVIEW);

        // no nonconformity is left open: the named policy the technical review will ask (R-NC-2)
        JsonNode policy = ok(call("GET", "/api/nonconformities/" + app + "/policy", "pm", null));
        assertThat(policy.get("noneOpen").get("allowed").asBoolean()).isTrue();
        JsonNode ncs = ok(call("GET", "/api/nonconformities/" + app, "pm", null));
        assertThat(ncs.size()).as(scheme + ": NCs raised along the way").isGreaterThanOrEqualTo(2);
        ncs.forEach(n -> assertThat(n.get("nc").get("status").asString()).isEqualTo("CLOSED"));

        // `cfp calc` on the verified inventory (the client's with the verifier's correction) prints the report's total
        assertThat(reportText).contains("18.500000");
        String cli = cfpCalc(new String(example(), StandardCharsets.UTF_8)
                .replace("{\"name\": \"electricity\", \"amount\": 10,", "{\"name\": \"electricity\", \"amount\": 12,"));
        assertThat(cli).contains("TOTAL                               18.500000   100.00%");
        assertThat(cli).contains("RAW_MATERIAL_ACQUISITION            10.000000    54.05%").contains("PRODUCTION                           8.500000    45.95%");
    }

    /** CICC stage 1 [004 §9.5.2]: items A)–F), one finding raised for stage 2 to verify closed; proceed; stage 2 starts. */
    void stage1(long app) {
        JsonNode ev = ok(call("GET", "/api/evaluation/" + app, "verifier", null));
        List<Map<String, Object>> answers = new ArrayList<>();
        boolean first = true;
        for (JsonNode item : ev.get("stage1Scheme").get("value").get("items")) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("item", item.get("id").asString());
            a.put("conclusion", first ? "NONCONFORMS" : "CONFORMS");
            a.put("note", first ? "系统边界未包含包装过程" : "符合");
            answers.add(a);
            first = false;
        }
        // a second stage before the first: the route refuses it (the case is at stage 1)
        assertThat(refused(call("POST", "/api/evaluation/" + app + "/stage2-start", "verifier", null), 409)).contains("cases.notAtStage");
        ok(call("POST", "/api/evaluation/" + app + "/stage1", "verifier", Map.of("onSite", false, "combinedWithDocumentCheck", true,
                "answers", answers, "decision", "PROCEED", "reason", "边界问题可在二阶段验证关闭")));
        ok(call("POST", "/api/evaluation/" + app + "/stage2-start", "verifier", null));
    }

    /** The on-site inspection (R-INS-1..4): checklist per site with one finding, consistency per unit, production, meetings. */
    void inspection(long app, String scheme) throws IOException {
        String base = "/api/inspection/" + app;
        JsonNode rules = ok(call("GET", base + "/rules", "inspector", null));
        JsonNode r = rules.get("rules");
        List<String> sites = new ArrayList<>();
        rules.get("sites").properties().forEach(e -> sites.add(e.getKey()));
        List<String> units = new ArrayList<>();
        rules.get("units").properties().forEach(e -> units.add(e.getKey()));
        boolean graded = scheme.equals("CGC-R52003");  // CGC grades NCs by class [003 ¶70]; the others have one class
        String finding = null;
        for (String site : sites) {
            for (JsonNode item : r.get("checklist").get("items")) {
                String id = item.get("id").asString();
                Map<String, Object> a = new LinkedHashMap<>();
                if (finding == null) {
                    finding = id;
                    a.put("result", "NONCONFORMS");
                    a.put("note", "现场未能提供相关记录");
                    if (graded) {
                        a.put("ncClass", "GENERAL");
                        a.put("effectPercent", 0);
                    }
                } else {
                    a.put("result", "CONFORMS");
                }
                ok(call("PUT", base + "/checklist/" + id + "/sites/" + site, "inspector", a));
            }
        }
        // completing the inspection now is refused in words: consistency, production (and meetings) are missing
        List<String> early = refused(call("POST", base + "/completion", "inspector", null), 400);
        assertThat(early).contains("inspection.consistency.unitUncovered", "inspection.production.missing");
        ok(call("POST", base + "/checklist/completion", "inspector", null));
        for (String unit : units) {
            ok(call("PUT", base + "/units/" + unit + "/products", "inspector2", Map.of("identifiers", List.of("B-01", "B-02", "B-03", "B-04"))));
            ok(call("POST", base + "/units/" + unit + "/sample", "inspector2", Map.of("size", 2)));
            for (JsonNode item : r.get("consistency")) {
                ok(call("PUT", base + "/consistency/" + item.get("id").asString() + "/units/" + unit, "inspector2",
                        Map.of("result", "CONSISTENT", "note", "与申请资料一致")));
            }
        }
        int version = ok(call("GET", base, "inspector", null)).get("version").asInt();
        ok(call("PUT", base + "/production", "inspector", Map.of("model", "M-" + app, "line", "总装一线", "version", version)));
        for (JsonNode meeting : r.get("attendanceMeetings")) {
            ok(call("POST", base + "/attendance", "inspector", Map.of("meeting", meeting.asString(), "name", "王厂长",
                    "organisation", "委托方", "position", "总经理", "signed", true)));
        }
        // the finding's NC is open: the inspection cannot complete before it is closed
        assertThat(refused(call("POST", base + "/completion", "inspector", null), 400)).containsExactly("nonconformity.open");
        closeAll(app, "ON_SITE_INSPECTION", "inspector", null);
        ok(call("POST", base + "/completion", "inspector", Map.of("note", "现场检查完成")));
        String text = pdfText(base + "/report.pdf");
        assertThat(text).contains("现场检查报告").contains("现场未能提供相关记录").contains("已补充相关记录");
    }

    /** The PCF verification (R-VER): the uploaded workbook recalculated, a correction, an NC from it, closure, report. */
    String verification(long app, String scheme) throws IOException {
        String base = "/api/verification/" + app;
        if (scheme.equals("CGC-R52003")) {
            claimEvaluation(app);
        }
        // a workbook with errors is refused naming sheet, row and column; nothing is stored
        TestHttp.Multipart broken = new TestHttp.Multipart().field("claimedKgCo2e", "17.5").file("file", "bracket.xlsx", brokenWorkbook());
        HttpResponse<String> bad = http.send("POST", base + "/submissions", "client-motor", broken.contentType(), broken.body());
        assertThat(refused(bad, 400)).containsExactly("verification.inventoryError");
        assertThat(bad.body()).contains("sheet 'inputs'").contains("column 'unit'").contains("kgg");
        assertThat(ok(call("GET", base + "/submissions", "client-motor", null))).isEmpty();

        TestHttp.Multipart m = new TestHttp.Multipart().field("claimedKgCo2e", "17.5").file("file", "bracket.xlsx", workbook());
        JsonNode submission = ok(http.send("POST", base + "/submissions", "client-motor", m.contentType(), m.body()));
        assertThat(submission.get("version").asInt()).isEqualTo(1);
        String sha = submission.get("sha256").asString();

        // the recalculation of the client's data as submitted: 17.5 kg CO2e, the hand-worked answer
        JsonNode asSubmitted = ok(call("POST", base + "/recalculations", "verifier", Map.of()));
        assertThat(asSubmitted.get("totalKgCo2e").asDouble()).isCloseTo(17.5, org.assertj.core.api.Assertions.within(1e-9));
        // an inspector who is not a verifier may not verify
        assertThat(refused(call("POST", base + "/recalculations", "inspector2", Map.of()), 403)).containsExactly("verification.notVerifier");

        for (String aspect : List.of("FUNCTIONAL_UNIT", "BOUNDARY", "DATA_COLLECTION", "ALLOCATION", "CUT_OFF", "DATA_QUALITY")) {
            ok(call("PUT", base + "/aspects/" + aspect, "verifier", Map.of("conclusion", "CONFORMS", "note", "已逐项核查")));
        }
        // the meter read 12 kWh: corrected with its reason, never overwriting the client's version
        JsonNode correction = ok(call("POST", base + "/corrections", "verifier", Map.of("kind", "ACTIVITY", "processId", "assembly",
                "item", "electricity", "correctedValue", 12, "reason", "电表读数为 12 kWh")));
        JsonNode effect = ok(call("GET", base + "/corrections/" + correction.get("id").asLong() + "/effect", "verifier", null));
        assertThat(effect.get("effectPercent").asDouble()).isEqualTo(-5.405);
        JsonNode verified = ok(call("POST", base + "/recalculations", "verifier", Map.of("iterations", 200, "seed", 20261203)));
        assertThat(verified.get("totalKgCo2e").asDouble()).isCloseTo(18.5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(verified.get("sha256").asString()).isEqualTo(sha);
        assertThat(verified.get("classification").asString()).isEqualTo("MATERIAL");
        assertThat(verified.get("seed").asLong()).isEqualTo(20261203L);
        assertThat(ok(call("GET", base + "/submissions", "client-motor", null)).get(0).get("sha256").asString()).isEqualTo(sha);

        // the finding becomes a nonconformity (CGC: its class follows the engine's what-if, -5.4 % -> general)
        JsonNode nc = ok(call("POST", base + "/nonconformities", "verifier", Map.of("clause", "000 Ann.2 §4.3.2.1",
                "description", "组装工序电耗少报 2 kWh", "correctionId", correction.get("id").asLong())));
        if (scheme.equals("CGC-R52003")) {
            assertThat(nc.get("ncClass").asString()).isEqualTo("GENERAL");
        }
        boolean closureStage = cases.require(app).route().contains(Stage.NC_CLOSURE);
        if (!closureStage) {
            assertThat(refused(call("POST", base + "/completion", "verifier", null), 409)).contains("nonconformity.open");
            closeAll(app, "VERIFICATION", "verifier", verified);
        }
        ok(call("POST", base + "/completion", "verifier", Map.of("note", "核查完成")));
        String text = pdfText(base + "/report.pdf");
        assertThat(text).contains("产品碳足迹核查报告").contains("18.500000").contains("20261203");
        return text;
    }

    /** CGC's claim-and-evidence evaluation conforms [003 ¶57–61]: the on-site verification may go ahead. */
    void claimEvaluation(long app) {
        JsonNode ev = ok(call("GET", "/api/evaluation/" + app, "verifier", null));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (JsonNode item : ev.get("claimScheme").get("value").get("items")) {
            answers.add(Map.of("item", item.get("id").asString(), "conclusion", "CONFORMS", "note", "证据充分"));
        }
        // before it, the verifier's on-site work is refused in words
        assertThat(refused(call("PUT", "/api/verification/" + app + "/aspects/BOUNDARY", "verifier",
                Map.of("conclusion", "CONFORMS")), 409)).contains("evaluation.gate.claimMissing");
        ok(call("POST", "/api/evaluation/" + app + "/claim", "verifier", Map.of("answers", answers, "conclusion", "CONFORMS")));
    }

    /** CICC [004 §9.7]: every finding issued, answered, verified and closed, then the closure stage is completed. */
    void ncClosure(long app) throws IOException {
        assertThat(refused(call("POST", "/api/nonconformities/" + app + "/closure", "verifier", Map.of("note", "x")), 409))
                .contains("nonconformity.open");
        closeAll(app, "PRELIMINARY_EVALUATION", "verifier", null);
        closeAll(app, "VERIFICATION", "verifier", null);
        ok(call("POST", "/api/nonconformities/" + app + "/closure", "verifier", Map.of("note", "问题项均已验证关闭")));
    }

    /**
     * Issues the raised NCs of {@code source} as the list PDF, the client answers each with a file, the team verifies
     * and closes (CGC quantification NCs with the recalculation and the amended claim [003 ¶73]).
     */
    void closeAll(long app, String source, String teamMember, JsonNode recalculation) throws IOException {
        String base = "/api/nonconformities/" + app;
        List<Long> open = new ArrayList<>();
        for (JsonNode n : ok(call("GET", base, teamMember, null))) {
            if (n.get("nc").get("source").asString().equals(source) && !n.get("nc").get("status").asString().equals("CLOSED")) {
                open.add(n.get("nc").get("id").asLong());
            }
        }
        assertThat(open).as("open NCs of " + source).isNotEmpty();
        ok(call("POST", base + "/issue", teamMember, Map.of("source", source, "dueOn", today().plusDays(10).toString())));
        assertThat(pdfText(base + "/lists/" + source + ".pdf")).contains("整改期限");
        for (long id : open) {
            // an NC closed without the client's evidence is refused
            assertThat(refused(call("POST", base + "/" + id + "/verification", teamMember, Map.of("accept", true, "method", "WRITTEN")), 409))
                    .contains("nonconformity.closeWithoutEvidence");
            TestHttp.Multipart m = new TestHttp.Multipart().field("correction", "已补充相关记录").field("cause", "记录管理不到位")
                    .field("correctiveAction", "修订记录控制程序").file("files", "evidence.pdf", CaseFixture.PDF);
            ok(http.send("POST", base + "/" + id + "/answer", "client-motor", m.contentType(), m.body()));
            Map<String, Object> verify = new LinkedHashMap<>();
            verify.put("accept", true);
            verify.put("method", "WRITTEN");
            JsonNode detail = ok(call("GET", base, teamMember, null));
            boolean needsClaim = false;
            for (JsonNode n : detail) {
                if (n.get("nc").get("id").asLong() == id && !n.path("reEvaluationDueOn").isMissingNode() && !n.path("reEvaluationDueOn").isNull()) {
                    needsClaim = true;
                }
            }
            if (needsClaim) {
                verify.put("recalculationRef", String.valueOf(recalculation.get("id").asLong()));
                verify.put("amendedClaim", "18.5");
            }
            JsonNode closed = ok(call("POST", base + "/" + id + "/verification", teamMember, verify));
            assertThat(closed.get("nc").get("status").asString()).isEqualTo("CLOSED");
        }
    }

    /** Runs `cfp calc` (the engine's command line, as ./cfp calc does) on an inventory file and returns what it prints. */
    String cfpCalc(String inventory) throws Exception {
        Path file = tmp.resolve("inventory.json");
        Files.writeString(file, inventory);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "cn.cfp.calc.cli.Main", "calc",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
