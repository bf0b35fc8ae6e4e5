package cn.cfp.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.cases.Cases;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CNCA number flow over the REST API, on real cases [R-CERT-2, decision D2]: the request (made by the certificate
 * module through {@link CertificateNumbers#prepare}) gets a provisional reference and no number; its package downloads
 * as JSON and Excel; staff record the submission, then enter the confirmed number, which is checked against the
 * pattern, this body's code (0123 from CNCA-R-2025-123), the issue year and the product code, and refused when another
 * case holds it; a CSV of confirmed numbers imports all or nothing with line numbers. Product codes import as CSV.
 */
@CfpIntegrationTest
class NumberingApiTest {

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
    Numbers numbers;
    @Autowired
    Clock clock;

    TestHttp http;
    CaseFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
    }

    HttpResponse<String> post(String path, String user, String contentType, String body) {
        return http.send("POST", path, user, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    List<String> codes(HttpResponse<String> r) {
        return json.readTree(r.body()).get("errors").findValuesAsString("code");
    }

    /** A real case of a CFP-label scheme with its number request (as the certificate module makes it). */
    long requested(String productCode) {
        long app = fx.accepted("client-motor", "CNCA-CFP-00", "PV13", 150, null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("认证委托人名称", "示例电机有限公司");
        fields.put("产品名称", "三相异步电动机");
        fields.put("产品碳足迹", "18.5 kgCO2e/台");
        CertificateNumbers.NumberView v = numbers.prepare(new CertificateNumbers.NumberRequest(app, cases.require(app).reference(),
                "CNCA-CFP-00", productCode, LocalDate.now(clock), fields));
        assertThat(v.state()).isEqualTo(CertificateNumbers.State.REQUESTED);
        return app;
    }

    @Test
    void the_cnca_flow_request_package_submission_confirmed_number_R_CERT_2_D2() throws Exception {
        long app = requested("101");
        String reference = cases.require(app).reference();
        int year = LocalDate.now(clock).getYear();
        String base = "/api/numbering/" + app;

        JsonNode state = ok(http.send("GET", base, "pm"));
        assertThat(state.get("state").asString()).isEqualTo("REQUESTED");
        String provisional = state.get("provisionalReference").asString();
        assertThat(provisional).matches("REQ-" + year + "-\\d{5}");
        assertThat(state.get("number").isNull()).isTrue();
        assertThat(numbers.number(app)).isEmpty(); // no number is made up locally for a CNCA scheme
        assertThat(http.send("GET", base, "client-motor").statusCode()).isIn(403, 404);

        // the package, JSON and Excel
        JsonNode pkg = ok(http.send("GET", base + "/package.json", "preparer"));
        assertThat(pkg.get("format").asString()).isEqualTo("cfp-cnca-number-request");
        assertThat(pkg.get("provisionalReference").asString()).isEqualTo(provisional);
        assertThat(pkg.get("caseReference").asString()).isEqualTo(reference);
        assertThat(pkg.get("body").get("bodyCode").asString()).isEqualTo("0123");
        assertThat(pkg.get("body").get("approvalNumber").asString()).isEqualTo("CNCA-R-2025-123");
        assertThat(pkg.get("productCode").asString()).isEqualTo("101");
        assertThat(pkg.get("issueYear").asInt()).isEqualTo(year);
        assertThat(pkg.get("fields").propertyNames()).containsExactly("认证委托人名称", "产品名称", "产品碳足迹");
        HttpResponse<byte[]> xlsx = http.sendForBytes(base + "/package.xlsx", "pm");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(0);
            Row row = sheet.getRow(1);
            assertThat(sheet.getLastRowNum()).isEqualTo(1); // one row under the headers
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("临时参考号");
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(provisional);
            Map<String, String> byHeader = new LinkedHashMap<>();
            for (int i = 0; i < head.getLastCellNum(); i++) {
                byHeader.put(head.getCell(i).getStringCellValue(), row.getCell(i).getStringCellValue());
            }
            assertThat(byHeader).containsEntry("认证机构识别码", "0123").containsEntry("产品代码", "101")
                    .containsEntry("发证年份", String.valueOf(year)).containsEntry("产品碳足迹", "18.5 kgCO2e/台");
        }

        // the confirmed number cannot come before the submission is recorded
        String good = "CFP-0123-" + year + "-101-0007";
        HttpResponse<String> early = post(base + "/confirmed", "pm", "application/json", "{\"number\":\"" + good + "\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(codes(early)).containsExactly("numbering.notSubmitted");

        // the submission: refused in words without a channel or with a date after today
        HttpResponse<String> bad = post(base + "/submission", "pm", "application/json",
                "{\"submittedOn\":\"" + LocalDate.now(clock).plusDays(1) + "\",\"channel\":\" \"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(codes(bad)).containsExactly("numbering.submittedOnFuture", "numbering.channelRequired");
        assertThat(post(base + "/submission", "inspector", "application/json", "{}").statusCode()).isEqualTo(403);
        JsonNode submitted = ok(post(base + "/submission", "pm", "application/json",
                "{\"submittedOn\":\"" + LocalDate.now(clock) + "\",\"channel\":\"国家认监委信息平台\",\"note\":\"附 Excel\"}"));
        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submission").get("channel").asString()).isEqualTo("国家认监委信息平台");
        assertThat(post(base + "/submission", "pm", "application/json",
                "{\"submittedOn\":\"" + LocalDate.now(clock) + "\",\"channel\":\"邮件\"}").statusCode()).isEqualTo(409);

        // wrong numbers, each refused with its own code and in words
        HttpResponse<String> pattern = post(base + "/confirmed", "pm", "application/json", "{\"number\":\"CFP-0123-" + year + "-101-007\"}");
        assertThat(pattern.statusCode()).isEqualTo(400);
        assertThat(codes(pattern)).containsExactly("numbering.pattern");
        HttpResponse<String> foreign = post(base + "/confirmed", "pm", "application/json", "{\"number\":\"CFP-F045-" + year + "-101-0007\"}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(codes(foreign)).containsExactly("numbering.bodyCode");
        assertThat(json.readTree(foreign.body()).get("errors").get(0).get("message").asString()).contains("0123").contains("F045");
        HttpResponse<String> other = post(base + "/confirmed", "pm", "application/json", "{\"number\":\"CFP0456" + year + "1010007\"}");
        assertThat(codes(other)).containsExactly("numbering.bodyCode");
        HttpResponse<String> wrongYear = post(base + "/confirmed", "pm", "application/json",
                "{\"number\":\"CFP-0123-" + (year - 1) + "-101-0007\"}");
        assertThat(codes(wrongYear)).containsExactly("numbering.year");
        HttpResponse<String> wrongProduct = post(base + "/confirmed", "pm", "application/json",
                "{\"number\":\"CFP-0123-" + year + "-201-0007\"}");
        assertThat(codes(wrongProduct)).containsExactly("numbering.productCode");
        assertThat(numbers.number(app)).isEmpty();

        // the right one, written without hyphens: stored and printed hyphenated
        JsonNode confirmed = ok(post(base + "/confirmed", "preparer", "application/json",
                "{\"number\":\"CFP0123" + year + "1010007\"}"));
        assertThat(confirmed.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("number").asString()).isEqualTo(good);
        assertThat(numbers.number(app)).contains(good);
        assertThat(numbers.of(app).state()).isEqualTo(CertificateNumbers.State.CONFIRMED);
        HttpResponse<String> again = post(base + "/confirmed", "pm", "application/json", "{\"number\":\"" + good + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(codes(again)).containsExactly("numbering.alreadyConfirmed");

        // a second case cannot get the same number; then the import of confirmed numbers
        long second = requested("101");
        String secondBase = "/api/numbering/" + second;
        ok(post(secondBase + "/submission", "pm", "application/json",
                "{\"submittedOn\":\"" + LocalDate.now(clock) + "\",\"channel\":\"国家认监委信息平台\"}"));
        HttpResponse<String> dup = post(secondBase + "/confirmed", "pm", "application/json", "{\"number\":\"" + good + "\"}");
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(codes(dup)).containsExactly("numbering.duplicate");
        assertThat(json.readTree(dup.body()).get("errors").get(0).get("message").asString()).contains(good).contains(reference);

        String secondProvisional = numbers.of(second).provisionalReference();
        // a bad file: every bad line named, nothing stored
        String badCsv = "临时参考号,证书编号\n" + secondProvisional + "," + good + "\nREQ-1999-99999,CFP-0123-" + year + "-101-0008\n"
                + secondProvisional + "\n";
        HttpResponse<String> refused = post("/api/numbering/confirmed-import", "pm", "text/csv", badCsv);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(codes(refused)).containsExactly("numbering.import.columns");
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("args").get(0).asInt()).isEqualTo(4);
        HttpResponse<String> refused2 = post("/api/numbering/confirmed-import", "pm", "text/csv",
                "临时参考号,证书编号\n" + secondProvisional + "," + good + "\nREQ-1999-99999,CFP-0123-" + year + "-101-0008\n");
        assertThat(refused2.statusCode()).as(refused2.body()).isEqualTo(400);
        assertThat(codes(refused2)).containsExactly("numbering.import.line", "numbering.duplicate",
                "numbering.import.line", "numbering.import.unknownReference");
        assertThat(json.readTree(refused2.body()).get("errors").get(2).get("args").get(0).asInt()).isEqualTo(3);
        assertThat(numbers.number(second)).isEmpty();
        assertThat(post("/api/numbering/confirmed-import", "inspector", "text/csv", "x").statusCode()).isEqualTo(403);
        String next = "CFP-0123-" + year + "-101-0008";
        HttpResponse<String> imported = post("/api/numbering/confirmed-import", "pm", "text/csv",
                "\uFEFFprovisional,number\r\n" + secondProvisional + "," + next.replace("-", "") + "\r\n");
        assertThat(ok(imported).get(0).get("number").asString()).isEqualTo(next);
        assertThat(numbers.number(second)).contains(next);

        // the list shows both with their states
        JsonNode all = ok(http.send("GET", "/api/numbering/requests", "reviewer"));
        assertThat(all.findValuesAsString("provisionalReference")).contains(provisional, secondProvisional);
    }

    @Test
    void a_local_scheme_has_no_cnca_package() {
        long app = fx.accepted("client-motor", "CEC-FURNITURE", "木家具", 80, 10);
        CertificateNumbers.NumberView v = numbers.prepare(new CertificateNumbers.NumberRequest(app, cases.require(app).reference(),
                "CEC-FURNITURE", null, LocalDate.now(clock), Map.of()));
        assertThat(v.state()).isEqualTo(CertificateNumbers.State.ALLOCATED);
        JsonNode state = ok(http.send("GET", "/api/numbering/" + app, "pm"));
        assertThat(state.get("number").asString()).isEqualTo(v.number()).startsWith("CEC-CFP-");
        HttpResponse<String> pkg = http.send("GET", "/api/numbering/" + app + "/package.json", "pm");
        assertThat(pkg.statusCode()).isEqualTo(404);
        assertThat(codes(pkg)).containsExactly("numbering.local");
    }

    @Test
    void a_cnca_request_needs_a_product_code_from_the_table() {
        CertificateNumbers.NumberRequest unknown = new CertificateNumbers.NumberRequest(6_500_001, "TEST", "CNEX-01-G", "999",
                LocalDate.now(clock), Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> numbers.prepare(unknown))
                .isInstanceOfSatisfying(cn.cfp.shared.Refusal.class, r -> assertThat(cn.cfp.Messages.codes(r))
                        .containsExactly("numbering.productCodeUnknown"));
        CertificateNumbers.NumberRequest none = new CertificateNumbers.NumberRequest(6_500_002, "TEST", "CGC-R52003", null,
                LocalDate.now(clock), Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> numbers.prepare(none))
                .isInstanceOfSatisfying(cn.cfp.shared.Refusal.class, r -> assertThat(cn.cfp.Messages.codes(r))
                        .containsExactly("numbering.productCodeRequired"));
        assertThat(numbers.of(6_500_001).state()).isEqualTo(CertificateNumbers.State.NONE);
    }

    @Test
    void an_admin_imports_product_codes_as_csv_errors_refused_with_line_numbers_nothing_deleted() {
        String path = "/api/product-codes/import";
        HttpResponse<String> bad = post(path, "admin", "text/csv", "code,name_zh,name_en\n9A1,坏,bad\n902,,x\n903,三列,\"a, b\",extra\n");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(codes(bad)).containsExactly("numbering.codes.code", "numbering.codes.name", "numbering.codes.columns");
        assertThat(json.readTree(bad.body()).get("errors").findValues("args").stream().map(a -> a.get(0).asInt()).toList())
                .containsExactly(2, 3, 4);
        assertThat(ok(http.send("GET", "/api/product-codes", "pm")).findValuesAsString("code")).doesNotContain("902");
        assertThat(post(path, "pm", "text/csv", "901,测试,test\n").statusCode()).isEqualTo(403);

        JsonNode added = ok(post(path, "admin", "text/csv", "901,测试产品（演示代码）,\"Test products, demo\"\n902,测试二,Test two\n"));
        assertThat(added.get("added").asInt()).isEqualTo(2);
        JsonNode updated = ok(post(path, "admin", "text/csv", "code,name_zh,name_en\n901,测试产品甲,Test products A\n"));
        assertThat(updated.get("added").asInt()).isZero();
        assertThat(updated.get("updated").asInt()).isEqualTo(1);
        JsonNode list = ok(http.send("GET", "/api/product-codes", "pm"));
        assertThat(list.findValuesAsString("code")).contains("101", "901", "902"); // nothing deleted, demo codes kept
        assertThat(list.findValuesAsString("nameZh")).contains("测试产品甲", "电机（演示代码）");
    }
}
