package cn.cfp.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.Actor;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.AssuranceChecklist;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.Stage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

/** R-INS-1..5 over the REST API: the visit record, checklist per site, consistency per unit, completion, report. */
@CfpIntegrationTest
class InspectionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Inspections inspections;
    @Autowired
    Nonconformities ncs;
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
        List<String> out = new java.util.ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> out.add(e.get("code").asString()));
        return out;
    }

    long firstSite(long app) {
        return inspections.sites(app).keySet().iterator().next();
    }

    String answer(long app, String item, long site) {
        return "/api/inspection/" + app + "/checklist/" + item + "/sites/" + site;
    }

    /** Answers every checklist item of every site as CONFORMS (service calls), except {@code skip}. */
    void answerAll(long app, String skipItem) {
        Actor inspector = fx.who("inspector");
        AssuranceChecklist checklist = inspections.rules(app).checklist();
        for (long site : inspections.sites(app).keySet()) {
            for (AssuranceChecklist.Item i : checklist.items()) {
                if (!i.id().equals(skipItem)) {
                    inspections.answerChecklist(inspector, app, i.id(), site, new AnswerInput(Answer.Result.CONFORMS, null, List.of(), null, null, null));
                }
            }
        }
    }

    @Test
    void an_answer_is_saved_idempotently_and_a_stale_version_is_a_409_in_words_R_INS_1() {
        long app = fx.visitStarted("CNEX-01-G");
        long site = firstSite(app);
        JsonNode first = ok(call("PUT", answer(app, "A1-1.1", site), "inspector", "{\"result\":\"CONFORMS\",\"note\":\"组织机构图齐全\"}"));
        assertThat(first.get("version").asInt()).isZero();
        // the same answer again (a retry after a lost response) changes nothing
        JsonNode again = ok(call("PUT", answer(app, "A1-1.1", site), "inspector", "{\"result\":\"CONFORMS\",\"note\":\"组织机构图齐全\"}"));
        assertThat(again.get("version").asInt()).isZero();
        // a second inspector who has not seen the first answer does not overwrite it
        HttpResponse<String> stale = call("PUT", answer(app, "A1-1.1", site), "inspector2", "{\"result\":\"NOT_APPLICABLE\",\"note\":\"不适用\"}");
        assertThat(codes(stale, 409)).containsExactly("inspection.answer.stale");
        assertThat(json.readTree(stale.body()).get("errors").get(0).get("message").asString()).contains("A1-1.1");
        JsonNode second = ok(call("PUT", answer(app, "A1-1.1", site), "inspector2",
                "{\"result\":\"CONFORMS\",\"note\":\"任命书已查\",\"version\":0}"));
        assertThat(second.get("version").asInt()).isEqualTo(1);
        assertThat(second.get("answeredBy").asString()).isEqualTo("inspector2");
        assertThat(ok(call("GET", "/api/inspection/" + app, "pm", null)).get("checklist").get(0).get("note").asString()).isEqualTo("任命书已查");
    }

    @Test
    void a_verifier_or_a_person_not_on_the_team_answering_an_inspection_item_is_refused_R_INS_2() {
        long app = fx.visitStarted("CNEX-01-G");
        long site = firstSite(app);
        assertThat(codes(call("PUT", answer(app, "A1-1.1", site), "verifier", "{\"result\":\"CONFORMS\"}"), 403))
                .containsExactly("inspection.roleNotInspecting");
        assertThat(call("PUT", answer(app, "A1-1.1", site), "pm", "{\"result\":\"CONFORMS\"}").statusCode()).isEqualTo(403);
        assertThat(inspections.view(app).checklist()).isEmpty();
    }

    @Test
    void nonconforms_needs_a_note_and_raises_a_nonconformity_for_the_item_at_the_site_R_INS_2_000_Ann1() {
        long app = fx.visitStarted("CNEX-01-G");
        long site = firstSite(app);
        assertThat(codes(call("PUT", answer(app, "A1-2.3", site), "inspector", "{\"result\":\"NONCONFORMS\"}"), 400))
                .containsExactly("inspection.answer.noteRequired");
        assertThat(codes(call("PUT", answer(app, "A1-2.4", site), "inspector", "{\"result\":\"NOT_APPLICABLE\"}"), 400))
                .containsExactly("inspection.answer.reasonRequired");
        JsonNode a = ok(call("PUT", answer(app, "A1-2.3", site), "inspector", "{\"result\":\"NONCONFORMS\",\"note\":\"记录仅保存 1 年\"}"));
        NonconformityView nc = ncs.of(app).stream().filter(n -> n.id() == a.get("ncId").asLong()).findFirst().orElseThrow();
        assertThat(nc.source()).isEqualTo(Stage.ON_SITE_INSPECTION);
        assertThat(nc.sourceRef()).isEqualTo("A1-2.3@" + site);
        assertThat(nc.clause()).isEqualTo("000 Ann.1 §2.3");
        assertThat(nc.description()).contains("记录仅保存 1 年");
        // a scope item whose stage the case's boundary excludes needs no reason for "not applicable"
        JsonNode v = ok(call("GET", "/api/inspection/" + app, "inspector", null));
        ok(call("PUT", "/api/inspection/" + app + "/scope", "inspector",
                "{\"excludedStages\":[\"use\"],\"version\":" + v.get("version").asInt() + "}"));
        ok(call("PUT", answer(app, "A1-8.1", site), "inspector", "{\"result\":\"NOT_APPLICABLE\"}"));
        assertThat(codes(call("PUT", answer(app, "A1-7.1", site), "inspector", "{\"result\":\"NOT_APPLICABLE\"}"), 400))
                .containsExactly("inspection.answer.reasonRequired");
    }

    @Test
    void a_graded_scheme_needs_the_class_with_a_nonconforms_answer_and_stores_nothing_without_it_003_70() {
        long app = fx.visitStarted("CGC-R52003");
        long site = firstSite(app);
        List<String> refused = codes(call("PUT", answer(app, "A1-2.3", site), "inspector",
                "{\"result\":\"NONCONFORMS\",\"note\":\"记录不全\"}"), 400);
        assertThat(refused).contains("nonconformity.classRequired");
        assertThat(inspections.view(app).checklist()).isEmpty();
        assertThat(ncs.of(app)).isEmpty();
    }

    @Test
    void a_checklist_completed_without_covering_every_site_is_refused_in_words_nothing_changed_R_INS_2() {
        long app = fx.visitStarted("CNEX-01-G");
        answerAll(app, "A1-14.2");
        HttpResponse<String> r = call("POST", "/api/inspection/" + app + "/checklist/completion", "inspector", null);
        List<String> codes = codes(r, 400);
        // one reason per site for the one unanswered item
        assertThat(codes).hasSize(inspections.sites(app).size()).allMatch("inspection.checklist.missing"::equals);
        assertThat(r.body()).contains("A1-14.2").contains(inspections.sites(app).values().iterator().next());
        assertThat(inspections.view(app).checklistCompletedAt()).isNull();
        for (long site : inspections.sites(app).keySet()) {
            ok(call("PUT", answer(app, "A1-14.2", site), "inspector", "{\"result\":\"CONFORMS\"}"));
        }
        assertThat(ok(call("POST", "/api/inspection/" + app + "/checklist/completion", "inspector", null))
                .get("checklistCompletedAt").isNull()).isFalse();
    }

    @Test
    void the_sample_is_drawn_with_a_recorded_seed_and_drawing_again_gives_the_same_sample_000_7_5_3() {
        long app = fx.visitStarted("CNEX-01-G");
        long unit = inspections.units(app).keySet().iterator().next();
        String base = "/api/inspection/" + app + "/units/" + unit;
        ok(call("PUT", base + "/products", "inspector", "{\"identifiers\":[\"B-01\",\"B-02\",\"B-03\",\"B-04\",\"B-05\",\"B-06\",\"B-07\",\"B-08\"]}"));
        JsonNode first = ok(call("POST", base + "/sample", "inspector", "{\"size\":3}"));
        JsonNode second = ok(call("POST", base + "/sample", "inspector", "{\"size\":3}"));
        assertThat(second.get("sample")).isEqualTo(first.get("sample"));
        assertThat(first.get("sample").size()).isEqualTo(3);
        long seed = inspections.view(app).sampleSeed();
        List<String> confirmed = List.of("B-01", "B-02", "B-03", "B-04", "B-05", "B-06", "B-07", "B-08");
        List<String> sample = new java.util.ArrayList<>();
        first.get("sample").forEach(s -> sample.add(s.asString()));
        assertThat(Sampling.draw(seed, unit, confirmed, 3)).isEqualTo(sample);
        assertThat(confirmed).containsAll(sample);
        assertThat(sample).doesNotHaveDuplicates();
    }

    @Test
    void sampling_is_a_pure_function_of_seed_unit_and_list_000_7_5_3() {
        List<String> list = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThat(Sampling.draw(42L, 7L, list, 4)).isEqualTo(Sampling.draw(42L, 7L, list, 4));
        assertThat(Sampling.draw(42L, 7L, list, 20)).hasSize(10).containsExactlyInAnyOrderElementsOf(list);
        // different seeds give (for this list) different samples: 10·9·8·7 = 5040 ordered draws
        assertThat(java.util.stream.LongStream.range(0, 20).mapToObj(s -> Sampling.draw(s, 7L, list, 4)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void completion_is_refused_in_words_until_everything_is_recorded_then_completes_the_stage_and_the_report_reads_back_R_INS_4()
            throws IOException {
        long app = fx.visitStarted("CNEX-01-G");
        List<String> before = codes(call("POST", "/api/inspection/" + app + "/completion", "inspector", null), 400);
        assertThat(before).contains("inspection.checklist.missing", "inspection.consistency.unitUncovered",
                "inspection.production.missing", "inspection.attendance.missing");
        answerAll(app, null);
        ok(call("POST", "/api/inspection/" + app + "/checklist/completion", "inspector", null));
        InspectionRules rules = inspections.rules(app);
        for (long unit : inspections.units(app).keySet()) {
            for (InspectionRules.InspectionItem i : rules.consistency()) {
                ok(call("PUT", "/api/inspection/" + app + "/consistency/" + i.id() + "/units/" + unit, "inspector2",
                        "{\"result\":\"CONSISTENT\",\"note\":\"与申请资料一致\"}"));
            }
        }
        int version = ok(call("GET", "/api/inspection/" + app, "inspector", null)).get("version").asInt();
        ok(call("PUT", "/api/inspection/" + app + "/production", "inspector",
                "{\"model\":\"YBX3-132M\",\"line\":\"总装一线\",\"version\":" + version + "}"));
        // an open NC from the inspection blocks completion (000: no NC_CLOSURE stage in the route)
        NonconformityView extra = ncs.raise(fx.who("inspector"), app, new cn.cfp.nonconformity.NewNonconformity(Stage.ON_SITE_INSPECTION, "EXTRA",
                "000 Ann.1 §14.1", "标识使用记录缺失", null, null, null));
        List<String> stillOpen = codes(call("POST", "/api/inspection/" + app + "/completion", "inspector", null), 400);
        assertThat(stillOpen).containsExactlyInAnyOrder("inspection.attendance.missing", "nonconformity.open");
        ok(call("POST", "/api/inspection/" + app + "/attendance", "inspector",
                "{\"meeting\":\"CLOSING\",\"name\":\"王厂长\",\"organisation\":\"电机公司\",\"position\":\"总经理\",\"signed\":true}"));
        version = ok(call("GET", "/api/inspection/" + app, "inspector", null)).get("version").asInt();
        ok(call("PUT", "/api/inspection/" + app + "/disagreement", "inspector",
                "{\"text\":\"委托方对标识记录的结论有不同意见\",\"version\":" + version + "}"));
        assertThat(codes(call("POST", "/api/inspection/" + app + "/completion", "inspector", null), 400)).containsExactly("nonconformity.open");

        HttpResponse<byte[]> pdf = http.sendForBytes("/api/inspection/" + app + "/report.pdf", "pm");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("现场检查报告", "检查组承诺", "标识使用记录缺失", "YBX3-132M", "末次会议：王厂长", "委托方对标识记录的结论有不同意见");
        assertThat(text).doesNotContain("CLOSING");
        assertThat(cases.require(app).completed()).doesNotContain(Stage.ON_SITE_INSPECTION);

        // the client corrects, the team verifies: the report states correction and verification [000 §7.5.4 (4)], and the
        // inspection completes once no inspection NC is open
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        ncs.issue(fx.who("inspector"), app, Stage.ON_SITE_INSPECTION, java.time.LocalDate.now(clock).plusDays(5));
        ncs.answer(fx.who("client-motor"), app, extra.id(), new Nonconformities.AnswerInput("补建标识使用台账", "未指定责任人",
                "指定专人每月核对标识使用记录", null), List.of(new Nonconformities.Upload("ledger.pdf",
                new java.io.ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))));
        ncs.verify(fx.who("inspector"), app, extra.id(), new Nonconformities.VerifyInput(true,
                cn.cfp.nonconformity.VerificationMethod.WRITTEN, null, null, null, null, null));
        HttpResponse<byte[]> after = http.sendForBytes("/api/inspection/" + app + "/report.pdf", "pm");
        try (PDDocument doc = Loader.loadPDF(after.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("补建标识使用台账", "指定专人每月核对标识使用记录", "有效，予以接受");
        }
        ok(call("POST", "/api/inspection/" + app + "/completion", "inspector", null));
        assertThat(cases.require(app).completed()).contains(Stage.ON_SITE_INSPECTION);
    }

    @Test
    void with_everything_recorded_completion_completes_the_case_stage_R_INS_1() {
        long app = fx.visitStarted("CNEX-01-G");
        answerAll(app, null);
        Actor inspector = fx.who("inspector");
        inspections.completeChecklist(inspector, app);
        for (long unit : inspections.units(app).keySet()) {
            for (InspectionRules.InspectionItem i : inspections.rules(app).consistency()) {
                inspections.answerConsistency(inspector, app, i.id(), unit, new AnswerInput(Answer.Result.CONSISTENT, null, List.of(), null, null, null));
            }
        }
        inspections.recordProduction(inspector, app, "YBX3-132M", "总装一线", null, List.of(), inspections.view(app).version());
        inspections.addAttendance(inspector, app, InspectionRules.Meeting.CLOSING, "王厂长", "电机公司", null, true);
        JsonNode done = ok(call("POST", "/api/inspection/" + app + "/completion", "inspector", "{\"note\":\"现场检查符合\"}"));
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(cases.require(app).completed()).contains(Stage.ON_SITE_INSPECTION);
        assertThat(codes(call("PUT", answer(app, "A1-1.1", firstSite(app)), "inspector", "{\"result\":\"NONCONFORMS\",\"note\":\"x\"}"), 409))
                .containsExactly("inspection.completed");
    }

    @Test
    void cicc_has_no_on_site_inspection_and_says_so() {
        long app = fx.visitStarted("CICC-ZY-GZ-20");
        assertThat(codes(call("GET", "/api/inspection/" + app + "/rules", "pm", null), 409)).containsExactly("inspection.noInspection");
        assertThat(Map.of()).isEmpty();
    }

    @Test
    void a_photo_from_the_device_is_stored_as_evidence_and_linked_to_the_answer_R_INS_1() {
        long app = fx.visitStarted("CNEX-01-G");
        long site = firstSite(app);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        TestHttp.Multipart form = new TestHttp.Multipart().field("name", "A1-10.2@" + site).file("file", "meter.png", png);
        HttpResponse<String> up = http.send("POST", "/api/inspection/" + app + "/evidence", "inspector", form.contentType(), form.body());
        long evidenceId = ok(up).get("id").asLong();
        JsonNode a = ok(call("PUT", answer(app, "A1-10.2", site), "inspector",
                "{\"result\":\"CONFORMS\",\"note\":\"校准证书在有效期内\",\"evidenceIds\":[" + evidenceId + "]}"));
        assertThat(a.get("evidenceIds").get(0).asLong()).isEqualTo(evidenceId);
        assertThat(codes(call("PUT", answer(app, "A1-10.3.1", site), "inspector",
                "{\"result\":\"CONFORMS\",\"evidenceIds\":[999999]}"), 400)).containsExactly("inspection.evidence.unknown");
    }

    @Test
    void the_inspection_page_is_in_one_language_R_INS_1() {
        long app = fx.visitStarted("CEC-FURNITURE");
        HttpResponse<String> zh = call("GET", "/inspection/" + app, "inspector", null);
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("产品碳足迹认证工厂保证能力要求", "C3-2.3", "产品一致性检查");
        HttpResponse<String> en = call("GET", "/inspection/" + app + "?lang=en", "inspector", null);
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("Factory assurance-capability requirements", "Product consistency check", "kept at least 24 months");
        // CNEX asks for the closing meeting's attendance [001 §9.6.4 5)]: named in words, not as CLOSING
        long cnex = fx.visitStarted("CNEX-01-G");
        String page = call("GET", "/inspection/" + cnex, "inspector", null).body();
        assertThat(page).contains("末次会议");
        assertThat(page.substring(page.indexOf("id=\"attendance-required\""))).doesNotStartWith("CLOSING").contains("末次会议");
        assertThat(page).doesNotContain("[CLOSING]");
    }

    @Test
    void the_checklist_covers_the_sites_the_products_are_made_at_not_every_site_the_factory_has_000_7_5_1() {
        long app = fx.visitStarted("CNEX-01-G");
        fx.cases().newSite("client-motor");   // another site of the same factory, making nothing applied for
        var application = context.getBean(cn.cfp.application.Applications.class).get(app);
        assertThat(application.sites().size()).isGreaterThan(1);
        Long productSite = application.products().get(0).siteId();
        assertThat(inspections.sites(app).keySet()).containsExactly(productSite);
    }
}
