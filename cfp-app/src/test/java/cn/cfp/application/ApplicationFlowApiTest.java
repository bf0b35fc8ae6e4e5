package cn.cfp.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.UnitDivision;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application phase driven entirely over the REST API, once per seed scheme: a client applies,
 * uploads the scheme's checklist, declares eligibility and submits; the project manager accepts,
 * agrees the units and reviews the documents. Scheme numbers are checked against the seed clauses.
 */
@CfpIntegrationTest
class ApplicationFlowApiTest {

    static final byte[] PDF = "%PDF-1.4\n% test document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SchemeCatalog schemes;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    cn.cfp.audit.AuditTrail audit;
    @Autowired
    TestClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;

    TestHttp http;
    CaseFixture fixture;
    @Autowired
    Applications applications;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fixture = new CaseFixture(context);
    }

    JsonNode call(String method, String path, String user, Object body, int expectedStatus) {
        byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
        HttpResponse<String> r = http.send(method, path, user, body == null ? null : JSON, bytes);
        assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(expectedStatus);
        return r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
    }

    /** The reason codes of a refusal answered by the API. */
    List<String> codes(HttpResponse<String> r) {
        List<String> codes = new java.util.ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }

    /** The plan the planning module starts when the case opens (its listener runs after the acceptance commits). */
    JsonNode awaitPlan(long id) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> http.send("GET", "/api/planning/" + id, "pm").statusCode() == 200);
        return call("GET", "/api/planning/" + id, "pm", null, 200);
    }

    long ownOrg(String user) {
        return call("GET", "/api/parties", user, null, 200).get(0).get("organisation").get("id").asLong();
    }

    long siteOf(String user, long org) {
        JsonNode parties = call("GET", "/api/parties", user, null, 200);
        for (JsonNode p : parties) {
            if (p.get("organisation").get("id").asLong() == org && !p.get("sites").isEmpty()) {
                return p.get("sites").get(0).get("id").asLong();
            }
        }
        return call("POST", "/api/parties/" + org + "/sites", user, Map.of("name", "一号厂区", "address", "工业园区 1 号"), 201)
                .get("id").asLong();
    }

    /** Creates, fills and submits an application of {@code schemeCode}; returns its id. */
    long submittedApplication(String client, String schemeCode) {
        Scheme scheme = schemes.get(schemeCode);
        long org = ownOrg(client);
        long site = siteOf(client, org);
        long id = call("POST", "/api/applications", client, Map.of("scheme", schemeCode, "form", filledForm(scheme)), 201)
                .get("id").asLong();
        UnitDivision division = scheme.unitDivision().value();
        String category = division != null && division.rule() == UnitDivision.Rule.BY_CLASS ? division.classes().get(0).zh() : "PV13";
        call("POST", "/api/applications/" + id + "/products", client, Map.of("productName", "产品A", "model", "M-" + id + "-1",
                "category", category, "siteId", site, "bomItems", 120, "ghgSources", 25), 201);
        completeAndSubmit(client, id, scheme);
        return id;
    }

    /** Uploads the scheme's checklist, declares eligibility and submits. */
    void completeAndSubmit(String client, long id, Scheme scheme) {
        call("POST", "/api/applications/" + id + "/form", client, filledForm(scheme), 200);
        for (ChecklistItem item : scheme.documentChecklist().value().items()) {
            switch (item.kind()) {
                case REQUIRED -> upload(client, id, item.id());
                case CONDITIONAL -> {
                    if (item.answeredBy() == null) {   // an item the parties decide is not asked (corrections B-6)
                        call("POST", "/api/applications/" + id + "/documents/" + item.id() + "/answer?applies=false",
                                client, null, 200);
                    }
                }
                case OPTIONAL -> { }
            }
        }
        Map<String, Boolean> all = new java.util.LinkedHashMap<>();
        for (Eligibility e : Eligibility.values()) {
            all.put(e.name(), true);
        }
        call("POST", "/api/applications/" + id + "/eligibility", client, all, 200);
        call("POST", "/api/applications/" + id + "/submit", client, null, 200);
    }

    /** Answers every field of the scheme's application form: text, the first option of a choice, yes. */
    static Map<String, String> filledForm(Scheme scheme) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (cn.cfp.scheme.ApplicationForm.Field f : scheme.applicationForm().value().fields()) {
            form.put(f.id(), switch (f.type()) {
                case TEXT -> f.id().equals("functional-unit") ? "1 台" : "示例：" + f.label().zh();
                case CHOICE -> f.options().get(0).zh();
                case YES_NO -> "true";
            });
        }
        return form;
    }

    /** R-APP-1: the scheme's own application form (CEC: seed 002 Annex 1) must be answered, with valid options. */
    @Test
    void the_schemes_application_form_is_validated_and_required_answers_block_submission() {
        long id = call("POST", "/api/applications", "client-furniture", Map.of("scheme", "CEC-FURNITURE", "form", Map.of()), 201)
                .get("id").asLong();
        HttpResponse<String> badChoice = http.send("POST", "/api/applications/" + id + "/form", "client-furniture", JSON,
                json.writeValueAsBytes(Map.of("enterprise-nature", "上市公司", "no-such-field", "x")));
        assertThat(badChoice.statusCode()).isEqualTo(400);
        assertThat(codes(badChoice)).containsExactlyInAnyOrder("application.form.notAnOption", "application.form.noSuchField");
        assertThat(badChoice.body()).contains("上市公司").contains("no-such-field");
        HttpResponse<String> submit = http.send("POST", "/api/applications/" + id + "/submit", "client-furniture", null, null);
        assertThat(codes(submit)).contains("application.file.formAnswerMissing");
        assertThat(submit.body()).contains("年主营业务收入").contains("002 Annex 1 §3"); // the page language: Chinese by default
        JsonNode saved = call("POST", "/api/applications/" + id + "/form", "client-furniture",
                Map.of("enterprise-nature", "民营企业", "revenue-over-20m", "false"), 200);
        assertThat(saved.get("enterprise-nature").asText()).isEqualTo("民营企业");
        HttpResponse<String> again = http.send("POST", "/api/applications/" + id + "/submit", "client-furniture", null, null);
        assertThat(again.body()).doesNotContain("年主营业务收入").contains("行业类别");
    }

    void upload(String client, long id, String item) {
        TestHttp.Multipart m = new TestHttp.Multipart().file("file", item + ".pdf", PDF);
        HttpResponse<String> r = http.send("POST", "/api/applications/" + id + "/documents/" + item, client, m.contentType(), m.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    String pdfText(String path, String user) {
        HttpResponse<byte[]> r = http.sendForBytes(path, user);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new AssertionError(path + " is not a readable PDF", e);
        }
    }

    @Test
    void the_rest_api_is_described_by_the_published_openapi_document_to_signed_in_people_only() {
        assertThat(http.send("GET", "/v3/api-docs", null).statusCode()).as("issue 8 item 6: not public by default")
                .isIn(302, 401);
        assertThat(http.send("GET", "/swagger-ui.html", null).statusCode()).isIn(302, 401);
        HttpResponse<String> r = http.send("GET", "/v3/api-docs", "client-motor");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(r.body()).get("paths");
        assertThat(paths.has("/api/applications/{id}/accept")).isTrue();
        assertThat(paths.has("/api/planning/{applicationId}/approval")).isTrue();
        assertThat(paths.has("/api/applications/{id}/clock")).isTrue();
    }

    long userId(String username) {
        return fixture.userId(username);
    }

    /**
     * Plans an accepted application up to APPROVED with the demo team (leader with CCAA registration and GHG
     * verifier qualification, an inspector with voluntary/green product certification, a verifier), which
     * satisfies every shipped scheme's team policy; case-by-case man-days are entered with a reason.
     */
    JsonNode approvedPlan(long id, String schemeCode) {
        String base = "/api/planning/" + id;
        awaitPlan(id);
        String field = schemeCode.equals("CEC-FURNITURE") ? "FURNITURE" : "PV13";
        JsonNode proposed = call("PUT", base + "/team", "pm", Map.of("field", field, "members", List.of(
                Map.of("userId", userId("inspector"), "role", "LEADER"),
                Map.of("userId", userId("inspector2"), "role", "INSPECTOR"),
                Map.of("userId", userId("verifier"), "role", "VERIFIER"))), 200);
        assertThat(proposed.get("teamVerdict").get("allowed").asBoolean()).as(proposed.get("teamVerdict").toString()).isTrue();
        List<Map<String, Object>> overrides = new java.util.ArrayList<>();
        for (JsonNode line : proposed.get("manDays").get("lines")) {
            if (!line.get("aggregate").asBoolean() && line.get("planned").isNull()) {
                overrides.add(Map.of("scopeKey", line.get("scopeKey").asText(), "activity", line.get("activity").asText(),
                        "manDays", 2, "reason", "方案未规定人日，按项目复杂程度确定"));
            }
        }
        if (proposed.get("manDays").get("lines").isEmpty()) {
            // the scheme has no man-day table (CNCA-CFP-00): the planner enters each activity per site with a reason
            long site = call("GET", "/api/applications/" + id, "pm", null, 200).get("application").get("products").get(0).get("siteId").asLong();
            for (String activity : List.of("DOC_REVIEW", "ON_SITE_INSPECTION", "ON_SITE_VERIFICATION")) {
                overrides.add(Map.of("scopeKey", "site-" + site, "activity", activity, "manDays", 1,
                        "reason", "通用规则未规定人日，按项目复杂程度确定"));
            }
        }
        if (!overrides.isEmpty()) {
            JsonNode withOverrides = call("PUT", base + "/man-days", "pm", Map.of("overrides", overrides), 200);
            assertThat(withOverrides.get("manDays").get("pending")).isEmpty();
        }
        LocalDate visit = calendar.plusWorkingDays(LocalDate.now(clock), 5).date();
        Map<String, Object> scheme = new java.util.LinkedHashMap<>();
        scheme.put("purpose", "初次认证");
        scheme.put("units", "产品A");
        scheme.put("productTypes", "电机/家具");
        scheme.put("systemBoundary", "从摇篮到大门");
        scheme.put("functionalUnit", "1 台产品");
        scheme.put("dataPeriodFrom", "2025-01-01");
        scheme.put("dataPeriodTo", "2025-12-31");
        scheme.put("basis", schemeCode);
        scheme.put("onSiteRequirements", "保证能力及产品一致性检查");
        scheme.put("verificationRequirements", "核查指南");
        scheme.put("schedule", "现场 2 天");
        scheme.put("visitDate", visit.toString());
        call("PUT", base + "/inspection-scheme", "inspector", scheme, 200);
        List<Map<String, String>> risks = new java.util.ArrayList<>();
        for (cn.cfp.planning.RiskFactor f : cn.cfp.planning.RiskFactor.values()) {
            risks.add(Map.of("factor", f.name(), "rating", "LOW", "note", "-"));
        }
        Map<String, Object> vp = new java.util.LinkedHashMap<>();
        vp.put("informationAnalysis", "已分析委托资料");
        vp.put("complexity", "MEDIUM");
        vp.put("risks", risks);
        vp.put("samplingPlan", "按物料清单抽样");
        vp.put("evidencePlan", "现场查看记录");
        vp.put("verificationActivities", "文件核查与现场核查");
        JsonNode afterVp = call("PUT", base + "/verification-plan", "inspector", vp, 200);
        List<String> levels = schemes.get(schemeCode).assurance().optional().map(a -> a.levels().stream().map(Enum::name).toList())
                .orElse(List.of());
        if (!levels.isEmpty() || afterVp.get("verificationPlan").has("assuranceLevel")) {
            vp.put("assuranceLevel", levels.isEmpty() ? "LIMITED" : levels.get(0));
            vp.put("materialityPercent", 5);
            call("PUT", base + "/verification-plan", "inspector", vp, 200);
        }
        return call("POST", base + "/approval", "pm", null, 200);
    }

    Map<String, Object> acceptance() {
        return Map.of("contractReview", List.of(ContractReview.values()), "contractSignedOn", LocalDate.now(clock).toString(),
                "fee", "人民币 30,000 元");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003", "CICC-ZY-GZ-20"})
    void an_application_of_every_seed_scheme_goes_from_the_clients_draft_to_an_approved_plan_sent_to_the_client(String schemeCode) {
        String client = "client-motor";
        long id = submittedApplication(client, schemeCode);
        assertThat(call("GET", "/api/applications/" + id, client, null, 200).get("application").get("status").asText()).isEqualTo("SUBMITTED");

        call("POST", "/api/applications/" + id + "/accept", "pm", acceptance(), 200);
        JsonNode units = call("GET", "/api/applications/" + id + "/units/proposal", "pm", null, 200);
        assertThat(units).hasSize(1);
        assertThat(units.get(0).get("problems")).isEmpty();
        call("POST", "/api/applications/" + id + "/units", "pm", List.of(Map.of("label", units.get(0).get("label").asText(),
                "models", units.get(0).get("models"), "functionalUnit", "1 台产品")), 200);

        JsonNode clockNode = call("GET", "/api/applications/" + id + "/clock", client, null, 200);
        assertThat(clockNode.get("netDays").asInt()).isZero();
        assertThat(clockNode.get("limitDays").asInt()).isEqualTo(90);

        // the case's route comes from the scheme's flow; it starts at planning
        JsonNode kase = call("GET", "/api/cases/" + id, client, null, 200);
        assertThat(kase.get("currentStages").get(0).asText()).isEqualTo("PLANNING");
        HttpResponse<String> tooEarly = http.send("POST", "/api/applications/" + id + "/document-review", "pm", JSON,
                json.writeValueAsBytes(Map.of("conclusion", "CONFORMS")));
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(codes(tooEarly)).containsExactly("cases.notAtStage");

        JsonNode plan = approvedPlan(id, schemeCode);
        assertThat(plan.get("status").asText()).isEqualTo("APPROVED");
        assertThat(call("POST", "/api/planning/" + id + "/sending", "pm", null, 200).get("status").asText()).isEqualTo("SENT");

        // sending the plan completed planning: the team reviews the documents next
        assertThat(call("GET", "/api/cases/" + id, "pm", null, 200).get("currentStages").get(0).asText()).isEqualTo("DOCUMENT_REVIEW");
        JsonNode review = call("POST", "/api/applications/" + id + "/document-review", "inspector",
                Map.of("conclusion", "BASICALLY_CONFORMS", "findings", "工艺流程图需现场核实"), 200);
        assertThat(review.get("round").asInt()).isEqualTo(1);
        JsonNode after = call("GET", "/api/cases/" + id, "pm", null, 200);
        assertThat(after.get("currentStages").toString()).doesNotContain("DOCUMENT_REVIEW").doesNotContain("PLANNING");
        JsonNode clientView = call("GET", "/api/planning/" + id, client, null, 200);
        assertThat(clientView.get("team")).hasSize(3);
        assertThat(clientView.get("team").get(0).get("name").asText()).isNotBlank();

        // the notices, as PDFs the client downloads; their Chinese text reads back
        String reference = call("GET", "/api/applications/" + id, client, null, 200).get("application").get("reference").asText();
        assertThat(pdfText("/api/applications/" + id + "/notices/acceptance.pdf", client)).contains("认证受理通知书").contains(reference)
                .contains("90 日").contains("申请编号").doesNotContain("Application").doesNotContain("Time limit");
        // the same notice in English is English only: no Chinese row labels (issue 8 item 12)
        String english = pdfText("/api/applications/" + id + "/notices/acceptance.pdf?lang=en", client);
        assertThat(english).contains("Notice of Acceptance").contains("Time limit").contains("90 days").contains(reference)
                .doesNotContain("申请编号").doesNotContain("认证时限").doesNotContain("经合同评审");
        assertThat(pdfText("/api/planning/" + id + "/notices/team.pdf", client)).contains("检查组组成通知书").contains("张伟")
                .contains("陈静").contains("刘洋");
        assertThat(pdfText("/api/planning/" + id + "/notices/plan.pdf", client)).contains("检查方案及核查计划通知书")
                .contains(calendar.plusWorkingDays(LocalDate.now(clock), 5).date().toString());
        assertThat(audit.forTarget("application:" + reference)).as("every step audited").hasSizeGreaterThanOrEqualTo(8);
    }

    /** R-APP-3: acceptance notice deadline in working days after the file is complete, per scheme. */
    @ParameterizedTest(name = "{0}: {1} working days [{2}]")
    @CsvSource({
            "CNCA-CFP-00, , 000 §7.2",           // no working-day limit stated
            "CNEX-01-G, , 001 §9.2.3",           // not stated: inherits none
            "CEC-FURNITURE, 3, 002 §5.1.2",
            "CGC-R52003, 3, 003 ¶29",
            "CICC-ZY-GZ-20, , 004 §8.3.3"})
    void the_acceptance_notice_deadline_follows_the_scheme(String schemeCode, Integer days, String clause) {
        assertThat(schemes.get(schemeCode).acceptanceNoticeWorkingDays().value()).isEqualTo(days);
        long id = submittedApplication("client-motor", schemeCode);
        JsonNode details = call("GET", "/api/applications/" + id, "pm", null, 200);
        if (days == null) {
            assertThat(details.get("acceptanceDueOn").isNull()).isTrue();
        } else {
            LocalDate expected = calendar.plusWorkingDays(LocalDate.now(clock), days).date();
            assertThat(LocalDate.parse(details.get("acceptanceDueOn").asText())).isEqualTo(expected);
        }
    }

    @Test
    void submitting_an_incomplete_file_is_refused_listing_what_is_missing_and_changes_nothing() {
        long org = ownOrg("client-furniture");
        long id = call("POST", "/api/applications", "client-furniture", Map.of("scheme", "CEC-FURNITURE", "form", Map.of()), 201)
                .get("id").asLong();
        HttpResponse<String> r = http.send("POST", "/api/applications/" + id + "/submit", "client-furniture", null, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).contains("application.file.noProduct", "application.file.documentMissing", "application.file.eligibilityUndeclared");
        assertThat(call("GET", "/api/applications/" + id, "client-furniture", null, 200).get("application").get("status").asText())
                .isEqualTo("DRAFT");
        assertThat(org).isPositive();
    }

    @Test
    void a_supplement_request_returns_the_file_to_the_client_and_resubmission_restarts_the_deadline() {
        long id = submittedApplication("client-motor", "CGC-R52003");
        call("POST", "/api/applications/" + id + "/supplement", "pm", Map.of("note", "请补充产品工艺流程图",
                "dueOn", LocalDate.now(clock).plusDays(10).toString()), 200);
        JsonNode d = call("GET", "/api/applications/" + id, "client-motor", null, 200);
        assertThat(d.get("application").get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(d.get("acceptanceDueOn").isNull()).isTrue();
        // accepting now is out of order
        HttpResponse<String> early = http.send("POST", "/api/applications/" + id + "/accept", "pm", JSON, json.writeValueAsBytes(acceptance()));
        assertThat(early.statusCode()).isEqualTo(409);
        upload("client-motor", id, schemes.get("CGC-R52003").documentChecklist().value().ofKind(ChecklistItem.Kind.REQUIRED).get(0).id());
        call("POST", "/api/applications/" + id + "/submit", "client-motor", null, 200);
        assertThat(call("GET", "/api/applications/" + id, "pm", null, 200).get("acceptanceDueOn").isNull()).isFalse();
    }

    @Test
    void acceptance_without_every_contract_review_item_is_refused_naming_the_missing_ones() {
        long id = submittedApplication("client-motor", "CNEX-01-G");
        HttpResponse<String> r = http.send("POST", "/api/applications/" + id + "/accept", "pm", JSON, json.writeValueAsBytes(Map.of(
                "contractReview", List.of("COMPLETE", "LEGAL"), "contractSignedOn", LocalDate.now(clock).toString(), "fee", "x")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsOnly("application.accept.reviewItemMissing").hasSize(5);
        assertThat(r.body()).contains("认证单元划分合理").contains("本机构具备相应能力和人员");
        assertThat(call("GET", "/api/applications/" + id, "pm", null, 200).get("application").get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void a_client_cannot_accept_its_own_application_nor_see_another_clients() {
        long id = submittedApplication("client-motor", "CNCA-CFP-00");
        assertThat(http.send("POST", "/api/applications/" + id + "/accept", "client-motor", JSON, json.writeValueAsBytes(acceptance()))
                .statusCode()).isEqualTo(403);
        assertThat(http.send("GET", "/api/applications/" + id, "client-furniture").statusCode()).isEqualTo(404); // not even its existence
    }

    /** R-APP-5 [003 ¶30]: the on-site waiver needs a passed inspection within 12 months; CNCA-CFP-00 has no waiver at all. */
    @Test
    void an_on_site_waiver_is_checked_against_the_scheme_conditions() {
        long cgc = submittedApplication("client-motor", "CGC-R52003");
        Map<String, Object> old = new java.util.HashMap<>(acceptance());
        old.put("onsiteWaiver", Map.of("previousInspectionReference", "CGC-INS-2024-001",
                "previousInspectionPassedOn", LocalDate.now(clock).minusMonths(13).toString(), "sameFactory", true, "sameProductType", true));
        HttpResponse<String> r = http.send("POST", "/api/applications/" + cgc + "/accept", "pm", JSON, json.writeValueAsBytes(old));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsExactly("application.waiver.tooOld");
        assertThat(r.body()).contains("003 ¶30");

        Map<String, Object> recent = new java.util.HashMap<>(acceptance());
        recent.put("onsiteWaiver", Map.of("previousInspectionReference", "CGC-INS-2026-007",
                "previousInspectionPassedOn", LocalDate.now(clock).minusMonths(3).toString(), "sameFactory", true, "sameProductType", true));
        call("POST", "/api/applications/" + cgc + "/accept", "pm", recent, 200);
        // the waiver changes the case's route: CGC's initial inspection keeps its document review, loses the on-site visit
        JsonNode route = call("GET", "/api/cases/" + cgc, "pm", null, 200).get("route");
        assertThat(route.toString()).contains("DOCUMENT_REVIEW").doesNotContain("ON_SITE_INSPECTION").contains("VERIFICATION");

        long cnca = submittedApplication("client-motor", "CNCA-CFP-00");
        HttpResponse<String> none = http.send("POST", "/api/applications/" + cnca + "/accept", "pm", JSON, json.writeValueAsBytes(recent));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(codes(none)).contains("application.waiver.notProvided");
    }

    /** R-PTY-2 [000 §9.1.6; 003 ¶27]: a client whose CFP certificate was revoked within a year cannot apply, and is told until when. */
    @Test
    void a_revoked_client_cannot_apply_within_one_year_and_is_told_from_when_it_can() {
        String client = fixture.newClient("revoked-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        long org = ownOrg(client);
        LocalDate revoked = LocalDate.now(clock).minusMonths(4);
        call("POST", "/api/revocations", "pm", Map.of("organisationId", org, "certificateNo", "CFP-0001-2026-101-0007",
                "revokedOn", revoked.toString()), 201);
        HttpResponse<String> r = http.send("POST", "/api/applications", client, JSON,
                json.writeValueAsBytes(Map.of("scheme", "CNCA-CFP-00", "form", Map.of())));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(codes(r)).containsExactly("application.revocationBan");
        assertThat(r.body()).contains("CFP-0001-2026-101-0007").contains(revoked.plusMonths(12).toString()).contains("000 §9.1.6");
        // a year after the revocation the ban has run out (time moved on, not dates edited)
        clock.advanceDays(ChronoUnit.DAYS.between(LocalDate.now(clock), revoked.plusMonths(12)));
        try {
            assertThat(http.send("POST", "/api/applications", client, JSON,
                    json.writeValueAsBytes(Map.of("scheme", "CNCA-CFP-00", "form", Map.of()))).statusCode()).isEqualTo(201);
        } finally {
            clock.reset();
        }
    }

    /**
     * R-PLAN-5: net days = calendar days since acceptance minus client-caused pauses; limit per scheme
     * (90 days: 000 §7.3.3, 001 §9.10, 002 §5.2.3, 003 ¶81; CICC states none and inherits 000).
     * Worked example: accepted 100 days ago, client pause of 15 days -> 85 net, 5 left, CRITICAL (>= 90 % of 90 = 81).
     */
    @ParameterizedTest(name = "{0}: {1} days [{2}]")
    @CsvSource({"CNCA-CFP-00, 90, 000 §7.3.3", "CNEX-01-G, 90, 001 §9.10", "CEC-FURNITURE, 90, 002 §5.2.3",
            "CGC-R52003, 90, 003 ¶81", "CICC-ZY-GZ-20, 90, 000 §7.3.3"})
    void the_time_limit_counts_net_days_excluding_client_caused_pauses(String schemeCode, int limit, String clause) {
        long id = submittedApplication("client-motor", schemeCode);
        call("POST", "/api/applications/" + id + "/accept", "pm", acceptance(), 200);
        LocalDate acceptedOn = LocalDate.now(clock);
        clock.advanceDays(100);
        try {
            JsonNode overrun = call("GET", "/api/applications/" + id + "/clock", "pm", null, 200);
            assertThat(overrun.get("limitDays").asInt()).isEqualTo(limit);
            assertThat(overrun.get("cite").asText()).isEqualTo(clause);
            assertThat(overrun.get("netDays").asInt()).isEqualTo(100);
            assertThat(overrun.get("level").asText()).isEqualTo("OVERRUN");

            call("POST", "/api/applications/" + id + "/clock/pause", "pm", Map.of("date", acceptedOn.plusDays(60).toString(),
                    "reason", "委托人推迟现场检查"), 200);
            JsonNode paused = call("POST", "/api/applications/" + id + "/clock/resume", "pm", Map.of("date", acceptedOn.plusDays(75).toString()), 200);
            assertThat(paused.get("pausedDays").asInt()).isEqualTo(15);
            assertThat(paused.get("netDays").asInt()).isEqualTo(85);
            assertThat(paused.get("remaining").asInt()).isEqualTo(5);
            assertThat(paused.get("level").asText()).isEqualTo("CRITICAL");

            JsonNode dashboard = call("GET", "/api/dashboard/clocks", "inspector", null, 200);
            List<Integer> remaining = new java.util.ArrayList<>();
            dashboard.forEach(row -> remaining.add(row.get("clock").get("remaining").asInt()));
            assertThat(remaining).isSorted();
        } finally {
            clock.reset();
        }
    }

    /**
     * The clock dashboard is served from a short snapshot (OpenCases), yet a case accepted on this node shows at once,
     * and the list comes a page at a time with its total in X-Total-Count; a page size beyond 200 is refused.
     */
    @Test
    void the_clock_dashboard_shows_a_new_case_at_once_and_is_paged() {
        call("GET", "/api/dashboard/clocks?size=200", "pm", null, 200); // the snapshot is now warm
        long id = submittedApplication("client-motor", "CEC-FURNITURE");
        call("POST", "/api/applications/" + id + "/accept", "pm", acceptance(), 200);

        HttpResponse<String> first = http.send("GET", "/api/dashboard/clocks?size=1", "pm");
        assertThat(first.statusCode()).isEqualTo(200);
        long total = Long.parseLong(first.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(json.readTree(first.body())).hasSize(1);
        List<Long> ids = new java.util.ArrayList<>();
        for (int page = 0; page * 200 < total; page++) {
            call("GET", "/api/dashboard/clocks?size=200&page=" + page, "pm", null, 200)
                    .forEach(row -> ids.add(row.get("applicationId").asLong()));
        }
        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates().contains(id);

        HttpResponse<String> tooBig = http.send("GET", "/api/dashboard/clocks?size=201", "pm");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(codes(tooBig)).containsExactly("shared.paging");
        HttpResponse<String> apps = http.send("GET", "/api/applications?size=2", "pm");
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(json.readTree(apps.body()).size()).isLessThanOrEqualTo(2);
        assertThat(Long.parseLong(apps.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_second_pause_while_paused_is_refused() {
        long id = submittedApplication("client-motor", "CEC-FURNITURE");
        call("POST", "/api/applications/" + id + "/accept", "pm", acceptance(), 200);
        call("POST", "/api/applications/" + id + "/clock/pause", "pm", Map.of("date", LocalDate.now(clock).toString(), "reason", "未缴费"), 200);
        HttpResponse<String> again = http.send("POST", "/api/applications/" + id + "/clock/pause", "pm", JSON,
                json.writeValueAsBytes(Map.of("date", LocalDate.now(clock).toString(), "reason", "again")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(codes(again)).containsExactly("cases.pause.already");
    }

    /** R-UNIT-1 [000 §6]: a unit spanning two production sites is refused. */
    @Test
    void a_unit_spanning_two_sites_is_refused() {
        long org = ownOrg("client-motor");
        long site1 = siteOf("client-motor", org);
        long site2 = call("POST", "/api/parties/" + org + "/sites", "client-motor", Map.of("name", "二号厂区", "address", "工业园区 2 号"), 201)
                .get("id").asLong();
        long id = call("POST", "/api/applications", "client-motor", Map.of("scheme", "CNCA-CFP-00", "form", Map.of()), 201).get("id").asLong();
        call("POST", "/api/applications/" + id + "/products", "client-motor", Map.of("productName", "电机", "model", "Y-1", "siteId", site1), 201);
        call("POST", "/api/applications/" + id + "/products", "client-motor", Map.of("productName", "电机", "model", "Y-2", "siteId", site2), 201);
        assertThat(call("GET", "/api/applications/" + id + "/units/proposal", "pm", null, 200)).hasSize(2);
        HttpResponse<String> draft = http.send("POST", "/api/applications/" + id + "/units", "pm", JSON, json.writeValueAsBytes(
                List.of(Map.of("label", "电机", "models", List.of("Y-1"), "functionalUnit", "1 台"))));
        assertThat(draft.statusCode()).as("a draft is the client's: units are agreed once it is submitted").isEqualTo(409);
        completeAndSubmit("client-motor", id, schemes.get("CNCA-CFP-00"));
        HttpResponse<String> r = http.send("POST", "/api/applications/" + id + "/units", "pm", JSON, json.writeValueAsBytes(
                List.of(Map.of("label", "电机", "models", List.of("Y-1", "Y-2"), "functionalUnit", "1 台",
                        "divisionReason", "同一产品的两个型号"))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsExactly("application.units.spansSites");
        assertThat(r.body()).contains("2");
    }

    /** An application of {@code schemeCode} with products (model, category) at one site, submitted. */
    long submittedWith(String schemeCode, String... modelAndCategory) {
        long org = ownOrg("client-motor");
        long site = siteOf("client-motor", org);
        long id = call("POST", "/api/applications", "client-motor", Map.of("scheme", schemeCode, "form", Map.of()), 201).get("id").asLong();
        for (int i = 0; i < modelAndCategory.length; i += 2) {
            call("POST", "/api/applications/" + id + "/products", "client-motor", Map.of("productName", "产品", "model",
                    modelAndCategory[i] + "-" + id, "category", modelAndCategory[i + 1], "siteId", site, "bomItems", 120), 201);
        }
        completeAndSubmit("client-motor", id, schemes.get(schemeCode));
        return id;
    }

    HttpResponse<String> agree(long id, List<Map<String, Object>> units) {
        try {
            return http.send("POST", "/api/applications/" + id + "/units", "pm", JSON, json.writeValueAsBytes(units));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Corrections B-1 / B-2: 003 ¶14 step 3 "不同型号产品视为不同认证单元"; step 1 fields; ¶15 negotiated with a reason. */
    @Test
    void cgc_units_are_one_per_model_and_a_combined_unit_needs_a_recorded_reason_003_14_step_3() {
        long id = submittedWith("CGC-R52003", "A", "PV13", "B", "PV13", "C", "PV11");
        JsonNode proposal = call("GET", "/api/applications/" + id + "/units/proposal", "pm", null, 200);
        assertThat(proposal).hasSize(3);
        assertThat(proposal.valueStream().map(u -> u.get("models").size()).toList()).containsOnly(1);

        HttpResponse<String> combined = agree(id, List.of(
                Map.of("label", "电机", "models", List.of("A-" + id, "B-" + id), "functionalUnit", "1 台"),
                Map.of("label", "变压器", "models", List.of("C-" + id), "functionalUnit", "1 台")));
        assertThat(combined.statusCode()).isEqualTo(400);
        assertThat(codes(combined)).containsExactly("application.units.oneModelUnlessReason");
        assertThat(combined.body()).contains("003 ¶14–15").contains("003 ¶15");

        HttpResponse<String> mixed = agree(id, List.of(Map.of("label", "全部", "models", List.of("A-" + id, "B-" + id, "C-" + id),
                "functionalUnit", "1 台", "divisionReason", "按第 14 段无法划分，与委托人协商")));
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(codes(mixed)).containsExactly("application.units.mixesFields");

        assertThat(agree(id, List.of(
                Map.of("label", "电机", "models", List.of("A-" + id, "B-" + id), "functionalUnit", "1 台",
                        "divisionReason", "两型号仅铭牌不同，按第 14 段无法区分，与委托人协商确定"),
                Map.of("label", "变压器", "models", List.of("C-" + id), "functionalUnit", "1 台"))).statusCode()).isEqualTo(200);
        JsonNode units = call("GET", "/api/applications/" + id, "pm", null, 200).get("application").get("units");
        assertThat(units.get(0).get("divisionReason").asText()).startsWith("两型号仅铭牌不同");
    }

    /** Corrections B-2: 002 §4 — a CEC unit is one material class of Table 1; it may hold several models. */
    @Test
    void cec_units_never_mix_material_classes_and_a_class_must_be_in_table_1_002_4() {
        long id = submittedWith("CEC-FURNITURE", "W1", "木家具", "W2", "木家具", "X", "金属家具");
        assertThat(call("GET", "/api/applications/" + id + "/units/proposal", "pm", null, 200)).hasSize(2);
        HttpResponse<String> mixed = agree(id, List.of(Map.of("label", "家具", "models", List.of("W1-" + id, "W2-" + id, "X-" + id),
                "functionalUnit", "1 件")));
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(codes(mixed)).containsExactly("application.units.mixesClasses");
        assertThat(agree(id, List.of(
                Map.of("label", "木家具", "models", List.of("W1-" + id, "W2-" + id), "functionalUnit", "1 件"),
                Map.of("label", "金属家具", "models", List.of("X-" + id), "functionalUnit", "1 件"))).statusCode()).isEqualTo(200);

        // a class outside Table 1 cannot even be recorded on a product (issue 8 item 13: chosen from the scheme's classes)
        long other = call("POST", "/api/applications", "client-motor", Map.of("scheme", "CEC-FURNITURE", "form", Map.of()), 201)
                .get("id").asLong();
        HttpResponse<String> notAClass = http.send("POST", "/api/applications/" + other + "/products", "client-motor", JSON,
                json.writeValueAsBytes(Map.of("productName", "产品", "model", "P-" + other, "category", "纸家具",
                        "siteId", siteOf("client-motor", ownOrg("client-motor")), "bomItems", 120)));
        assertThat(notAClass.statusCode()).as(notAClass.body()).isEqualTo(400);
        assertThat(codes(notAClass)).containsExactly("application.product.notAClass");
    }

    /**
     * Issue 8 item 13: a product's class is chosen from the scheme's own classes (CEC Table 1 [002 §4], CGC fields PV11–PV17
     * [003 ¶14]); anything else is refused in words at the field, and a class named by its English name or code is
     * recorded as the scheme writes it. A scheme that lists no classes (CNEX) keeps the class free text.
     */
    @Test
    void a_product_class_not_among_the_schemes_classes_is_refused_in_words_002_4_003_14() {
        long org = ownOrg("client-motor");
        long site = siteOf("client-motor", org);
        long cgc = call("POST", "/api/applications", "client-motor", Map.of("scheme", "CGC-R52003", "form", Map.of()), 201).get("id").asLong();
        HttpResponse<String> pv16 = http.send("POST", "/api/applications/" + cgc + "/products", "client-motor", JSON,
                json.writeValueAsBytes(Map.of("productName", "电机", "model", "PV16-" + cgc, "category", "PV16", "siteId", site)));
        assertThat(pv16.statusCode()).as(pv16.body()).isEqualTo(400);
        assertThat(codes(pv16)).containsExactly("application.product.notAClass");
        JsonNode error = json.readTree(pv16.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("category");
        assertThat(error.get("message").asString()).contains("“PV16”不是本方案规定的产品类别").contains("PV13 电动机、发电机")
                .contains("003 ¶14");
        assertThat(applications.get(cgc).products()).isEmpty();
        call("POST", "/api/applications/" + cgc + "/products", "client-motor", Map.of("productName", "电机", "model", "PV13-" + cgc,
                "category", "pv13", "siteId", site), 201);
        assertThat(applications.get(cgc).products()).extracting(ApplicationView.Product::category).containsExactly("PV13");

        long cec = call("POST", "/api/applications", "client-motor", Map.of("scheme", "CEC-FURNITURE", "form", Map.of()), 201).get("id").asLong();
        call("POST", "/api/applications/" + cec + "/products", "client-motor", Map.of("productName", "椅子", "model", "W-" + cec,
                "category", "Wood Furniture", "siteId", site), 201);
        assertThat(applications.get(cec).products()).extracting(ApplicationView.Product::category).containsExactly("木家具");

        long cnex = call("POST", "/api/applications", "client-motor", Map.of("scheme", "CNEX-01-G", "form", Map.of()), 201).get("id").asLong();
        call("POST", "/api/applications/" + cnex + "/products", "client-motor", Map.of("productName", "隔爆电机", "model", "X-" + cnex,
                "category", "隔爆型电动机", "siteId", site), 201);
        assertThat(applications.get(cnex).products()).extracting(ApplicationView.Product::category).containsExactly("隔爆型电动机");
    }

    /** Corrections B-2: 000 §6 "原则上…同一规格型号作为一个单元" — two models in one base unit need a recorded reason. */
    @Test
    void a_base_scheme_unit_with_two_models_needs_a_reason_000_6() {
        long id = submittedWith("CNCA-CFP-00", "Y1", "PV13", "Y2", "PV13");
        HttpResponse<String> r = agree(id, List.of(Map.of("label", "电机", "models", List.of("Y1-" + id, "Y2-" + id), "functionalUnit", "1 台")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(codes(r)).containsExactly("application.units.oneModelUnlessReason");
        assertThat(r.body()).contains("[000 §6; 000 §6]");
    }

    /** A unified social credit code with its GB 32100 check character. */
    static String creditCode(String first17) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first17.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        return first17 + chars.charAt(c == 31 ? 0 : c);
    }

    /** An application of the client whose factory is another company it registered; returns its id. */
    long withOtherFactory(String schemeCode) {
        long factory = call("POST", "/api/parties", "client-motor", Map.of("name", "代工厂 " + schemeCode, "creditCode",
                creditCode("91310000MA1K" + String.format("%05d", Math.abs((schemeCode + System.nanoTime()).hashCode()) % 100_000)),
                "address", "工业园区 9 号", "legalRepresentative", "李四", "contactName", "王五", "contactPhone", "13800000000"), 201)
                .get("id").asLong();
        long site = call("POST", "/api/parties/" + factory + "/sites", "client-motor", Map.of("name", "代工厂车间", "address", "工业园区 9 号"), 201)
                .get("id").asLong();
        Scheme scheme = schemes.get(schemeCode);
        long id = call("POST", "/api/applications", "client-motor", Map.of("scheme", schemeCode, "factoryOrgId", factory,
                "form", filledForm(scheme)), 201).get("id").asLong();
        call("POST", "/api/applications/" + id + "/products", "client-motor", Map.of("productName", "电机", "model", "F-" + id,
                "category", "PV13", "siteId", site, "bomItems", 80), 201);
        return id;
    }

    List<String> checklistOf(long id) {
        return call("GET", "/api/applications/" + id, "client-motor", null, 200).get("documents").valueStream()
                .map(d -> d.get("item").asText() + ":" + d.get("kind").asText()).toList();
    }

    /**
     * Corrections B-6, R-PTY-3 [000 §7.1.2(3)]: the entrustment proof follows from the parties — required when the factory is
     * another company, never a question the client can answer "no" to, one item only (no second definition behind one id).
     */
    @Test
    void a_client_whose_factory_is_another_company_cannot_submit_without_the_entrustment_proof() throws Exception {
        long id = withOtherFactory("CNCA-CFP-00");
        assertThat(checklistOf(id)).contains("entrustment-proof:REQUIRED").filteredOn(x -> x.startsWith("entrustment")).hasSize(1);
        HttpResponse<String> no = http.send("POST", "/api/applications/" + id + "/documents/entrustment-proof/answer?applies=false",
                "client-motor", null, null);
        assertThat(no.statusCode()).isEqualTo(400);
        assertThat(codes(no)).containsExactly("application.checklist.notConditional");
        Scheme scheme = schemes.get("CNCA-CFP-00");
        for (ChecklistItem item : scheme.documentChecklist().value().items()) {
            if (item.kind() == ChecklistItem.Kind.REQUIRED) {
                upload("client-motor", id, item.id());
            } else if (item.kind() == ChecklistItem.Kind.CONDITIONAL && item.answeredBy() == null) {
                call("POST", "/api/applications/" + id + "/documents/" + item.id() + "/answer?applies=false", "client-motor", null, 200);
            }
        }
        Map<String, Boolean> all = new java.util.LinkedHashMap<>();
        for (Eligibility e : Eligibility.values()) {
            all.put(e.name(), true);
        }
        call("POST", "/api/applications/" + id + "/eligibility", "client-motor", all, 200);
        HttpResponse<String> submit = http.send("POST", "/api/applications/" + id + "/submit", "client-motor", null, null);
        assertThat(submit.statusCode()).isEqualTo(400);
        assertThat(codes(submit)).containsExactly("application.file.documentMissing");
        assertThat(submit.body()).contains("000 §7.1.2(3)");
        upload("client-motor", id, "entrustment-proof");
        assertThat(http.send("POST", "/api/applications/" + id + "/submit", "client-motor", null, null).statusCode()).isEqualTo(200);
    }

    /** Corrections B-6: CGC asks for its own entrustment agreement once (003 Annex 1 item 3), also when only the factory differs. */
    @Test
    void cgc_asks_for_the_entrustment_agreement_once_when_the_factory_differs() {
        long id = withOtherFactory("CGC-R52003");
        assertThat(checklistOf(id)).contains("entrustment-agreement:REQUIRED").noneMatch(x -> x.startsWith("entrustment-proof"));
        long same = call("POST", "/api/applications", "client-motor", Map.of("scheme", "CGC-R52003", "form", Map.of()), 201).get("id").asLong();
        assertThat(checklistOf(same)).noneMatch(x -> x.startsWith("entrustment"));
    }
}
