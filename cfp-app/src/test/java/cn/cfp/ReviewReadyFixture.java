package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.access.ApiTokens;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the tests after the back half's first part (issue 10): a case of any shipped scheme taken over the REST API, the
 * happy path of {@link BackHalfFlowApiTest}, to "ready for technical review" — document review conforming, the visit,
 * CICC's stage 1, the checklist with one finding per scheme (raised, answered, closed), the CGC claim evaluation, the
 * verification of the worked example corrected to <b>18.5 kgCO2e per piece</b> (the assembly meter read 12 kWh, not 10;
 * see {@link BackHalfFlowApiTest} for the hand calculation) with its nonconformity closed, CICC's NC closure stage and
 * CNEX's report by {@code preparer}. Team: {@code inspector} (leader), {@code inspector2}, {@code verifier}; manager
 * {@code pm}; client {@code client-motor}. Needs a running server ({@code @CfpIntegrationTest}).
 */
public final class ReviewReadyFixture {

    private final TestHttp http;
    private final OnSiteFixture onSite;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private BinaryOperator<String> marker = (key, ordinary) -> ordinary;
    private String inventoryProcessName;

    public ReviewReadyFixture(ApplicationContext context, int port) {
        this.http = new TestHttp(port, context.getBean(UserDetailsService.class), context.getBean(ApiTokens.class));
        this.onSite = new OnSiteFixture(context);
        this.clock = context.getBean(Clock.class);
    }

    /**
     * Every free text the walk writes goes through {@code marker} (its key, its ordinary text) — for the confidentiality
     * test, which puts a marker string into each confidential place [R-PUB-1, decision D4]; by default the ordinary text.
     */
    public ReviewReadyFixture marking(BinaryOperator<String> marker) {
        this.marker = marker;
        return this;
    }

    /** The name the worked example's assembly process gets in the client's inventory workbook (its id stays "assembly"). */
    public ReviewReadyFixture inventoryProcessName(String name) {
        this.inventoryProcessName = name;
        return this;
    }

    /** A free text of the walk: {@code ordinary}, or what {@link #marking} makes of it. */
    public String text(String key, String ordinary) {
        return marker.apply(key, ordinary);
    }

    public OnSiteFixture onSite() {
        return onSite;
    }

    public TestHttp http() {
        return http;
    }

    /** A case of {@code scheme} at TECHNICAL_REVIEW with its footprint verified at 18.5 kgCO2e and every NC closed. */
    public long readyForReview(String scheme) {
        long app = onSite.planSent(scheme);
        ok(call("POST", "/api/applications/" + app + "/document-review", "pm", Map.of("conclusion", "CONFORMS", "findings", text("docReview", "文件齐全"))));
        JsonNode plan = ok(call("GET", "/api/planning/" + app, "pm", null));
        if (!plan.get("visitGate").get("allowed").asBoolean()) {
            ok(call("POST", "/api/planning/" + app + "/confirmation", "client-motor",
                    Map.of("revision", plan.get("currentRevision").get("number").asInt(), "note", text("planConfirmation", "同意"))));
        }
        ok(call("POST", "/api/planning/" + app + "/visit-start", "inspector", null));
        for (int guard = 0; guard < 10 && !stages(app).equals(List.of(Stage.TECHNICAL_REVIEW)); guard++) {
            List<Stage> now = stages(app);
            if (now.contains(Stage.PRELIMINARY_EVALUATION)) {
                stage1(app);
            } else if (now.contains(Stage.ON_SITE_INSPECTION)) {
                inspection(app, scheme);
                if (now.contains(Stage.VERIFICATION)) {
                    verification(app, scheme);
                }
            } else if (now.contains(Stage.VERIFICATION)) {
                verification(app, scheme);
            } else if (now.contains(Stage.NC_CLOSURE)) {
                closeAll(app, "PRELIMINARY_EVALUATION", "verifier", null);
                closeAll(app, "VERIFICATION", "verifier", null);
                ok(call("POST", "/api/nonconformities/" + app + "/closure", "verifier", Map.of("note", text("ncClosure", "问题项均已验证关闭"))));
            } else if (now.contains(Stage.REPORT)) {
                ok(call("POST", "/api/reports/" + app, "preparer", Map.of("conclusion", "POSITIVE",
                        "verifiedInformation", "产品碳足迹 18.5 kgCO2e/件（从摇篮到大门）")));
            } else {
                throw new AssertionError(scheme + ": unexpected stages " + now);
            }
        }
        assertThat(stages(app)).as(scheme).containsExactly(Stage.TECHNICAL_REVIEW);
        return app;
    }

    // ------------------------------------------------------------------ HTTP

    public HttpResponse<String> call(String method, String path, String user, Object body) {
        byte[] b = body == null ? null : json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return http.send(method, path, user, body == null ? null : "application/json", b);
    }

    public JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + ": " + r.body()).isIn(200, 201);
        return json.readTree(r.body());
    }

    /** Asserts the refusal's status and returns its reason codes. */
    public List<String> refused(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.uri() + ": " + r.body()).isEqualTo(status);
        List<String> codes = new ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }

    public List<Stage> stages(long app) {
        List<Stage> out = new ArrayList<>();
        ok(call("GET", "/api/cases/" + app, "pm", null)).get("currentStages").forEach(s -> out.add(Stage.valueOf(s.asString())));
        return out;
    }

    // ------------------------------------------------------------------ steps

    private void stage1(long app) {
        JsonNode ev = ok(call("GET", "/api/evaluation/" + app, "verifier", null));
        List<Map<String, Object>> answers = new ArrayList<>();
        boolean first = true;
        for (JsonNode item : ev.get("stage1Scheme").get("value").get("items")) {
            answers.add(Map.of("item", item.get("id").asString(), "conclusion", first ? "NONCONFORMS" : "CONFORMS",
                    "note", first ? text("stage1Finding", "系统边界未包含包装过程") : text("stage1Note", "符合")));
            first = false;
        }
        ok(call("POST", "/api/evaluation/" + app + "/stage1", "verifier", Map.of("onSite", false, "combinedWithDocumentCheck", true,
                "answers", answers, "decision", "PROCEED", "reason", text("stage1Reason", "边界问题可在二阶段验证关闭"))));
        ok(call("POST", "/api/evaluation/" + app + "/stage2-start", "verifier", null));
    }

    private void inspection(long app, String scheme) {
        String base = "/api/inspection/" + app;
        JsonNode rules = ok(call("GET", base + "/rules", "inspector", null));
        JsonNode r = rules.get("rules");
        List<String> sites = new ArrayList<>();
        rules.get("sites").properties().forEach(e -> sites.add(e.getKey()));
        List<String> units = new ArrayList<>();
        rules.get("units").properties().forEach(e -> units.add(e.getKey()));
        boolean graded = r.path("checklist").path("graded").asBoolean(scheme.equals("CGC-R52003"));
        String finding = null;
        for (String site : sites) {
            for (JsonNode item : r.get("checklist").get("items")) {
                String id = item.get("id").asString();
                Map<String, Object> a = new LinkedHashMap<>();
                if (finding == null) {
                    finding = id;
                    a.put("result", "NONCONFORMS");
                    a.put("note", text("checklistNote", "现场未能提供相关记录"));
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
        ok(call("POST", base + "/checklist/completion", "inspector", null));
        for (String unit : units) {
            ok(call("PUT", base + "/units/" + unit + "/products", "inspector2", Map.of("identifiers", List.of("B-01", "B-02", "B-03", "B-04"))));
            ok(call("POST", base + "/units/" + unit + "/sample", "inspector2", Map.of("size", 2)));
            for (JsonNode item : r.get("consistency")) {
                ok(call("PUT", base + "/consistency/" + item.get("id").asString() + "/units/" + unit, "inspector2",
                        Map.of("result", "CONSISTENT", "note", text("consistencyNote", "与申请资料一致"))));
            }
        }
        int version = ok(call("GET", base, "inspector", null)).get("version").asInt();
        ok(call("PUT", base + "/production", "inspector", Map.of("model", "M-" + app, "line", text("productionLine", "总装一线"), "version", version)));
        for (JsonNode meeting : r.get("attendanceMeetings")) {
            ok(call("POST", base + "/attendance", "inspector", Map.of("meeting", meeting.asString(), "name", text("attendee", "王厂长"),
                    "organisation", "委托方", "position", "总经理", "signed", true)));
        }
        closeAll(app, "ON_SITE_INSPECTION", "inspector", null);
        ok(call("POST", base + "/completion", "inspector", Map.of("note", text("inspectionNote", "现场检查完成"))));
    }

    private void verification(long app, String scheme) {
        String base = "/api/verification/" + app;
        JsonNode ev = ok(call("GET", "/api/evaluation/" + app, "verifier", null));
        if (ev.has("claimScheme") && !ev.get("claimScheme").isNull() && !ev.get("claimScheme").path("value").isNull()
                && ev.get("claimScheme").path("value").has("items")) {
            List<Map<String, Object>> answers = new ArrayList<>();
            for (JsonNode item : ev.get("claimScheme").get("value").get("items")) {
                answers.add(Map.of("item", item.get("id").asString(), "conclusion", "CONFORMS", "note", text("claimNote", "证据充分")));
            }
            ok(call("POST", "/api/evaluation/" + app + "/claim", "verifier", Map.of("answers", answers, "conclusion", "CONFORMS")));
        }
        TestHttp.Multipart m = new TestHttp.Multipart().field("claimedKgCo2e", "17.5").file("file", text("inventoryFile", "bracket") + ".xlsx", workbook(inventoryProcessName));
        ok(http.send("POST", base + "/submissions", "client-motor", m.contentType(), m.body()));
        for (String aspect : List.of("FUNCTIONAL_UNIT", "BOUNDARY", "DATA_COLLECTION", "ALLOCATION", "CUT_OFF", "DATA_QUALITY")) {
            ok(call("PUT", base + "/aspects/" + aspect, "verifier", Map.of("conclusion", "CONFORMS", "note", text("aspectNote", "已逐项核查"))));
        }
        JsonNode correction = ok(call("POST", base + "/corrections", "verifier", Map.of("kind", "ACTIVITY", "processId", "assembly",
                "item", "electricity", "correctedValue", 12, "reason", text("correctionReason", "电表读数为 12 kWh"))));
        JsonNode verified = ok(call("POST", base + "/recalculations", "verifier", Map.of("iterations", 200, "seed", 20261203)));
        assertThat(verified.get("totalKgCo2e").asDouble()).isCloseTo(18.5, org.assertj.core.api.Assertions.within(1e-9));
        ok(call("POST", base + "/nonconformities", "verifier", Map.of("clause", "000 Ann.2 §4.3.2.1",
                "description", text("ncDescription", "组装工序电耗少报 2 kWh"), "correctionId", correction.get("id").asLong())));
        boolean closureStage = ok(call("GET", "/api/cases/" + app, "pm", null)).toString().contains("NC_CLOSURE");
        if (!closureStage) {
            closeAll(app, "VERIFICATION", "verifier", verified);
        }
        ok(call("POST", base + "/completion", "verifier", Map.of("note", text("verificationNote", "核查完成"))));
    }

    private void closeAll(long app, String source, String teamMember, JsonNode recalculation) {
        String base = "/api/nonconformities/" + app;
        List<Long> open = new ArrayList<>();
        for (JsonNode n : ok(call("GET", base, teamMember, null))) {
            if (n.get("nc").get("source").asString().equals(source) && !n.get("nc").get("status").asString().equals("CLOSED")) {
                open.add(n.get("nc").get("id").asLong());
            }
        }
        if (open.isEmpty()) {
            return;
        }
        ok(call("POST", base + "/issue", teamMember, Map.of("source", source, "dueOn", LocalDate.now(clock).plusDays(10).toString())));
        for (long id : open) {
            TestHttp.Multipart m = new TestHttp.Multipart().field("correction", text("ncCorrection", "已补充相关记录"))
                    .field("cause", text("ncCause", "记录管理不到位"))
                    .field("correctiveAction", text("ncCorrectiveAction", "修订记录控制程序"))
                    .file("files", text("ncEvidenceFile", "evidence") + ".pdf", CaseFixture.PDF);
            ok(http.send("POST", base + "/" + id + "/answer", "client-motor", m.contentType(), m.body()));
            Map<String, Object> verify = new LinkedHashMap<>();
            verify.put("accept", true);
            verify.put("method", "WRITTEN");
            verify.put("teamNote", text("ncTeamNote", "整改有效"));
            for (JsonNode n : ok(call("GET", base, teamMember, null))) {
                if (n.get("nc").get("id").asLong() == id && !n.path("reEvaluationDueOn").isMissingNode() && !n.path("reEvaluationDueOn").isNull()) {
                    verify.put("recalculationRef", String.valueOf(recalculation.get("id").asLong()));
                    verify.put("amendedClaim", "18.5");
                }
            }
            ok(call("POST", base + "/" + id + "/verification", teamMember, verify));
        }
    }

    /** The worked example as the client's data-collection workbook. */
    public static byte[] workbook() {
        return workbook(null);
    }

    /** The worked example's workbook with the assembly process renamed {@code processName} (null: as shipped). */
    public static byte[] workbook(String processName) {
        try (var in = ReviewReadyFixture.class.getResourceAsStream("/verification/three-process.json")) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (processName != null) {
                String original = "{\"id\": \"assembly\", \"name\": \"assembly\"";
                assertThat(source).contains(original);
                source = source.replace(original, "{\"id\": \"assembly\", \"name\": " + JsonMapper.builder().build().writeValueAsString(processName));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InventoryWorkbook.write(InventoryJson.read(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), "bracket.json"), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
