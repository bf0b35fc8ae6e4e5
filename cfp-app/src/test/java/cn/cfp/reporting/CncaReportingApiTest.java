package cn.cfp.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.certificate.CertificateStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-PUB-3 and decision D5 over HTTP: every issue, change and status change the certificate module publishes becomes an
 * unreported item with its age in days; the package (JSON in the documented format, Excel with Chinese headers) holds
 * the public data; marking reported records one submission and takes the items off the list (the record stays); a
 * second marking of the same items is refused in words, also when two people mark at once; the regulator sees issues
 * and status changes, reported and unreported, and a client or an anonymous caller is refused.
 */
@CfpIntegrationTest
class CncaReportingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    TestHttp http;
    ReportingFixture fx;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new ReportingFixture(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** R-PUB-3 / D5: issue, change and each status change are items; 7 days on, their age is 7, oldest first. */
    @Test
    void every_issue_change_and_status_change_is_an_unreported_item_with_its_age_in_days() {
        String number = fx.newNumber();
        ReportItem issue = fx.issue(number);
        assertThat(issue.kind()).isEqualTo(ReportKind.ISSUE);
        assertThat(issue.status()).isEqualTo("VALID");
        assertThat(issue.isReported()).isFalse();
        ReportItem suspension = fx.status(number, CertificateStatus.SUSPENDED, "监督检查发现碳足迹变化超过 5 %");
        ReportItem restoration = fx.status(number, CertificateStatus.VALID, "整改完成");
        ReportItem change = fx.change(number, 2);
        ReportItem revocation = fx.status(number, CertificateStatus.REVOKED, "获证后不能满足要求");
        // the scheme of a status change comes from the number's issue
        assertThat(List.of(suspension, restoration, revocation)).extracting(ReportItem::schemeCode).containsOnly(fx.scheme);
        assertThat(change.version()).isEqualTo(2);
        assertThat(revocation.version()).isEqualTo(2);

        clock.advanceDays(7);
        JsonNode list = json.readTree(ok(http.send("GET", "/api/reporting/items?scheme=" + fx.scheme, "pm")).body());
        assertThat(list).hasSize(5);
        List<String> kinds = new ArrayList<>();
        list.forEach(n -> kinds.add(n.get("kind").asString()));
        assertThat(kinds).containsExactly("ISSUE", "SUSPENSION", "RESTORATION", "CHANGE", "REVOCATION");
        list.forEach(n -> assertThat(n.get("ageDays").asLong()).as("age of %s", n.get("kind")).isEqualTo(7));
        assertThat(list.get(1).get("statusChange").get("cause").asString()).isEqualTo("监督检查发现碳足迹变化超过 5 %");
        assertThat(list.get(1).get("certificate").get("number").asString()).isEqualTo(number);

        // a redelivered event adds nothing
        cn.cfp.certificate.CertificateEvents.Issued again = new cn.cfp.certificate.CertificateEvents.Issued(1L,
                ReportingFixture.certificate(number, fx.scheme, 1, fx.today(), null), clock.instant());
        context.getBean(CncaReporting.class).record(again);
        assertThat(fx.mine(number, ReportKind.ISSUE)).hasSize(1);

        // the page lists them with their age, in Chinese by default
        String page = ok(http.send("GET", "/reporting?scheme=" + fx.scheme, "schemer")).body();
        assertThat(page).contains(number).contains("未报送天数").contains("id=\"item-" + issue.id() + "\"");
    }

    /** R-PUB-3: the package, JSON (format cfp-cnca-report 1) and Excel with Chinese headers, read back. */
    @Test
    void the_package_holds_the_public_data_as_documented_json_and_as_an_excel_sheet_with_chinese_headers() throws IOException {
        String number = fx.newNumber();
        ReportItem issue = fx.issue(number);
        ReportItem suspension = fx.status(number, CertificateStatus.SUSPENDED, "未按期接受监督");
        clock.advanceDays(3);
        String q = "?ids=" + issue.id() + "&ids=" + suspension.id();

        HttpResponse<String> r = ok(http.send("GET", "/api/reporting/package.json" + q, "pm"));
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".json");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("format").asString()).isEqualTo("cfp-cnca-report");
        assertThat(p.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(p.get("packageId").asString()).hasSize(64);
        assertThat(p.get("body").get("approvalNumber").asString()).isEqualTo("CNCA-R-2025-123");
        assertThat(p.get("body").get("bodyCode").asString()).isNotBlank();
        assertThat(p.get("itemCount").asInt()).isEqualTo(2);
        JsonNode first = p.get("items").get(0);
        assertThat(first.get("itemId").asLong()).isEqualTo(issue.id());
        assertThat(first.get("kind").asString()).isEqualTo("ISSUE");
        assertThat(first.get("number").asString()).isEqualTo(number);
        assertThat(first.get("scheme").asString()).isEqualTo(fx.scheme);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("eventDate").asString()).isEqualTo(issue.eventDate().toString());
        assertThat(first.get("ageDays").asInt()).isEqualTo(3);
        assertThat(first.get("reported").isNull()).isTrue();
        assertThat(first.get("certificate").get("holderName").asString()).isEqualTo("华安电机有限公司");
        assertThat(first.get("certificate").get("products").get(0).get("footprint").decimalValue()).isEqualByComparingTo("18.5");
        assertThat(first.get("certificate").get("validUntil").asString()).isEqualTo(fx.today().minusDays(3).plusYears(3).minusDays(1).toString());
        assertThat(first.get("statusChange").isNull()).isTrue();
        JsonNode second = p.get("items").get(1);
        assertThat(second.get("kind").asString()).isEqualTo("SUSPENSION");
        assertThat(second.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(second.get("statusChange").get("cause").asString()).isEqualTo("未按期接受监督");
        assertThat(second.get("certificate").get("number").asString()).isEqualTo(number);
        // the same items, the same package id
        assertThat(json.readTree(ok(http.send("GET", "/api/reporting/package.json" + q, "schemer")).body()).get("packageId"))
                .isEqualTo(p.get("packageId"));

        HttpResponse<byte[]> x = http.sendForBytes("/api/reporting/package.xlsx" + q, "pm");
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("认监委报送清单");
            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("条目号", "报送类别", "证书编号", "认证方案").contains("碳足迹", "有效期至", "已过天数");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row row1 = sheet.getRow(1);
            assertThat(row1.getCell(headers.indexOf("报送类别")).getStringCellValue()).isEqualTo("发证");
            assertThat(row1.getCell(headers.indexOf("证书编号")).getStringCellValue()).isEqualTo(number);
            assertThat(row1.getCell(headers.indexOf("产品名称")).getStringCellValue()).isEqualTo("三相异步电动机");
            assertThat(row1.getCell(headers.indexOf("碳足迹")).getStringCellValue()).isEqualTo("18.5");
            assertThat(row1.getCell(headers.indexOf("已过天数")).getNumericCellValue()).isEqualTo(3.0);
            Row row2 = sheet.getRow(2);
            assertThat(row2.getCell(headers.indexOf("报送类别")).getStringCellValue()).isEqualTo("暂停");
            assertThat(row2.getCell(headers.indexOf("证书状态")).getStringCellValue()).isEqualTo("暂停");
            assertThat(row2.getCell(headers.indexOf("状态变更原因")).getStringCellValue()).isEqualTo("未按期接受监督");
        }
    }

    /** D5: marking reported records the submission (when, who, channel, receipt), the items leave the list and stay on record. */
    @Test
    void marking_reported_takes_the_items_off_the_list_keeps_the_record_and_a_second_marking_is_refused_in_words() {
        String number = fx.newNumber();
        ReportItem issue = fx.issue(number);
        ReportItem suspension = fx.status(number, CertificateStatus.SUSPENDED, "暂停原因");
        ReportItem other = fx.issue(fx.newNumber());
        String body = "{\"itemIds\":[" + issue.id() + "," + suspension.id() + "],\"channel\":\"CNCA_PLATFORM\",\"receipt\":\"CNCA-2026-0815\"}";

        JsonNode s = json.readTree(ok(http.send("POST", "/api/reporting/submissions", "pm", "application/json", bytes(body))).body());
        long submission = s.get("id").asLong();
        assertThat(s.get("submittedBy").asString()).isEqualTo("pm");
        assertThat(s.get("receipt").asString()).isEqualTo("CNCA-2026-0815");
        assertThat(s.get("itemIds")).hasSize(2);

        JsonNode unreported = json.readTree(ok(http.send("GET", "/api/reporting/items?scheme=" + fx.scheme, "pm")).body());
        assertThat(unreported).hasSize(1);
        assertThat(unreported.get(0).get("id").asLong()).isEqualTo(other.id());
        JsonNode reported = json.readTree(ok(http.send("GET", "/api/reporting/items?state=reported&scheme=" + fx.scheme, "pm")).body());
        assertThat(reported).hasSize(2);
        assertThat(reported.get(0).get("reported").get("submissionId").asLong()).isEqualTo(submission);
        assertThat(reported.get(0).get("reported").get("by").asString()).isEqualTo("pm");
        assertThat(reported.get(0).get("reported").get("channel").asString()).isEqualTo("CNCA_PLATFORM");
        assertThat(context.getBean(cn.cfp.audit.AuditTrail.class).forTarget("reporting-submission:" + submission))
                .as("audited").hasSize(1);
        JsonNode record = json.readTree(ok(http.send("GET", "/api/reporting/submissions/" + submission, "admin")).body());
        assertThat(record.get("itemIds").get(0).asLong()).isEqualTo(issue.id());

        // the same submission sent again: the recorded one, no second record (idempotent)
        JsonNode again = json.readTree(ok(http.send("POST", "/api/reporting/submissions", "pm", "application/json", bytes(body))).body());
        assertThat(again.get("id").asLong()).isEqualTo(submission);
        // another report of an item already reported: refused, naming it
        String other2 = "{\"itemIds\":[" + issue.id() + "," + other.id() + "],\"channel\":\"EMAIL\"}";
        HttpResponse<String> refused = http.send("POST", "/api/reporting/submissions", "schemer", "application/json", bytes(other2));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("reporting.alreadyReported").contains(number).contains("已由第 " + submission + " 号报送记录");
        // and nothing of it was kept: the other item is still unreported
        assertThat(fx.mine(other.number(), ReportKind.ISSUE).get(0).isReported()).isFalse();

        // refusals in words: nothing selected, no channel, unknown item
        HttpResponse<String> empty = http.send("POST", "/api/reporting/submissions", "pm", "application/json", bytes("{}"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("reporting.noItems").contains("reporting.channelRequired");
        HttpResponse<String> unknown = http.send("POST", "/api/reporting/submissions", "pm", "application/json",
                bytes("{\"itemIds\":[987654321],\"channel\":\"LETTER\"}"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("reporting.unknownItem");
        // the administrator reads but does not report
        assertThat(http.send("POST", "/api/reporting/submissions", "admin", "application/json", bytes(other2)).statusCode()).isEqualTo(403);
    }

    /** D5 under concurrency: two people mark the same items at once; the database lets one win, the other gets 409 in words. */
    @Test
    void two_people_marking_the_same_items_at_once_one_wins_and_the_other_is_refused_with_409() throws Exception {
        for (int round = 0; round < 3; round++) {
            ReportItem a = fx.issue(fx.newNumber());
            ReportItem b = fx.issue(fx.newNumber());
            String ids = "[" + a.id() + "," + b.id() + "]";
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<HttpResponse<String>>> calls = new ArrayList<>();
                for (Map.Entry<String, String> who : Map.of("pm", "PM-RECEIPT", "schemer", "SM-RECEIPT").entrySet()) {
                    http.tokenOf(who.getKey());
                    calls.add(pool.submit(() -> {
                        start.await();
                        return http.send("POST", "/api/reporting/submissions", who.getKey(), "application/json",
                                bytes("{\"itemIds\":" + ids + ",\"channel\":\"CNCA_PLATFORM\",\"receipt\":\"" + who.getValue() + "\"}"));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String loser = null;
                for (Future<HttpResponse<String>> f : calls) {
                    HttpResponse<String> r = f.get();
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 409) {
                        loser = r.body();
                    }
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
                assertThat(loser).containsAnyOf("reporting.alreadyReported", "reporting.reportedMeanwhile");
            } finally {
                pool.shutdown();
            }
            // one submission covers both items
            ReportItem ra = fx.mine(a.number(), ReportKind.ISSUE).get(0);
            ReportItem rb = fx.mine(b.number(), ReportKind.ISSUE).get(0);
            assertThat(ra.reported().submissionId()).isEqualTo(rb.reported().submissionId());
        }
    }

    /** The regulator's read-only view: issues and status changes, reported and unreported, with dates; nobody else. */
    @Test
    void the_regulator_sees_issues_and_status_changes_with_their_reporting_and_a_client_or_anonymous_caller_is_refused() throws IOException {
        String number = fx.newNumber();
        ReportItem issue = fx.issue(number);
        ReportItem suspension = fx.status(number, CertificateStatus.SUSPENDED, "暂停原因");
        ok(http.send("POST", "/api/reporting/submissions", "pm", "application/json",
                bytes("{\"itemIds\":[" + issue.id() + "],\"channel\":\"CNCA_PLATFORM\",\"receipt\":\"R-77\"}")));

        JsonNode all = json.readTree(ok(http.send("GET", "/api/regulator/items?scheme=" + fx.scheme, "regulator")).body());
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("reported").get("receipt").asString()).isEqualTo("R-77");
        assertThat(all.get(0).get("reported").get("by").isNull()).as("who in the body reported is not the regulator's").isTrue();
        assertThat(all.get(1).get("reported").isNull()).isTrue();
        assertThat(all.get(1).get("ageDays").asInt()).isZero();
        JsonNode unreported = json.readTree(ok(http.send("GET", "/api/regulator/items?state=unreported&scheme=" + fx.scheme, "regulator")).body());
        assertThat(unreported).hasSize(1);
        assertThat(unreported.get(0).get("id").asLong()).isEqualTo(suspension.id());
        String today = fx.today().toString();
        assertThat(json.readTree(ok(http.send("GET", "/api/regulator/items?scheme=" + fx.scheme + "&from=" + fx.today().plusDays(1), "regulator")).body()))
                .isEmpty();
        assertThat(json.readTree(ok(http.send("GET", "/api/regulator/items?scheme=" + fx.scheme + "&from=" + today + "&to=" + today
                + "&kind=SUSPENSION", "regulator")).body())).hasSize(1);
        HttpResponse<String> badPeriod = http.send("GET", "/api/regulator/items?from=2026-05-01&to=2026-04-01", "regulator");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("reporting.badPeriod");

        String page = ok(http.send("GET", "/regulator?scheme=" + fx.scheme, "regulator")).body();
        assertThat(page).contains(number).contains("已报送").contains("未报送（0 天）").contains("R-77");
        String en = ok(http.send("GET", "/regulator?lang=en&scheme=" + fx.scheme, "regulator")).body();
        assertThat(en).contains("Unreported (0 days)").doesNotContain("未报送");

        HttpResponse<byte[]> x = http.sendForBytes("/api/regulator/export.xlsx?scheme=" + fx.scheme, "regulator");
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).contains("报送状态", "报送日期", "报送渠道", "回执编号");
            assertThat(sheet.getRow(1).getCell(headers.indexOf("报送状态")).getStringCellValue()).isEqualTo("已报送");
            assertThat(sheet.getRow(1).getCell(headers.indexOf("回执编号")).getStringCellValue()).isEqualTo("R-77");
            assertThat(sheet.getRow(2).getCell(headers.indexOf("报送状态")).getStringCellValue()).isEqualTo("未报送");
        }

        for (String path : List.of("/regulator", "/api/regulator/items", "/api/reporting/items")) {
            assertThat(http.send("GET", path, "client-motor").statusCode()).as("client %s", path).isEqualTo(403);
            HttpResponse<String> anonymous = http.send("GET", path, null);
            assertThat(anonymous.statusCode()).as("anonymous %s", path).isIn(401, 302, 303);
        }
        // the regulator reads; it does not report
        assertThat(http.send("GET", "/api/reporting/items", "regulator").statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/api/reporting/submissions", "regulator", "application/json", bytes("{}")).statusCode()).isEqualTo(403);
    }

    /** D5's reminder (the body's choice, 5 working days by default): on the reporters' work list, not on others'. */
    @Test
    void an_item_unreported_for_more_than_the_reminder_working_days_shows_on_the_reporters_work_list() {
        fx.issue(fx.newNumber());
        clock.advanceDays(30); // at least 6 working days in any 30 days, holidays included
        assertThat(ok(http.send("GET", "/mywork", "pm")).body()).contains("个工作日未向认监委报送");
        assertThat(ok(http.send("GET", "/mywork", "schemer")).body()).contains("个工作日未向认监委报送");
        assertThat(ok(http.send("GET", "/mywork", "inspector")).body()).doesNotContain("个工作日未向认监委报送");
        assertThat(context.getBean(CncaReporting.class).overdue(5)).isNotEmpty();
    }

    /** The reminder's cut-off day is the calendar's working-day count, backwards: more than N after it, not after the next day. */
    @Test
    void the_overdue_cutoff_is_the_last_day_with_more_than_the_reminder_working_days_after_it() {
        CncaReporting reporting = context.getBean(CncaReporting.class);
        cn.cfp.calendar.WorkingDayCalendar calendar = context.getBean(cn.cfp.calendar.WorkingDayCalendar.class);
        java.time.LocalDate today = reporting.today();
        for (int n : List.of(0, 1, 5, 10)) {
            java.time.LocalDate cutoff = reporting.overdueCutoff(today, n);
            assertThat(calendar.workingDaysBetween(cutoff, today)).as("n=%d", n).isGreaterThan(n);
            assertThat(calendar.workingDaysBetween(cutoff.plusDays(1), today)).as("n=%d", n).isLessThanOrEqualTo(n);
        }
        // a worked example: Friday 2026-12-11 back over a plain week (no holiday in December): 5 working days after
        // Friday 2026-12-04 (7, 8, 9, 10, 11 December), 6 after Thursday 2026-12-03
        java.time.LocalDate friday = java.time.LocalDate.of(2026, 12, 11);
        assertThat(reporting.overdueCutoff(friday, 5)).isEqualTo(java.time.LocalDate.of(2026, 12, 3));
    }

    /** The staff page: a refused marking comes back beside the list (303), a good one records and shows the submission. */
    @Test
    void the_reporting_page_marks_the_selected_items_and_a_refused_marking_comes_back_to_the_page_in_words() {
        String number = fx.newNumber();
        ReportItem issue = fx.issue(number);
        String page = "/reporting?scheme=" + fx.scheme;
        String none = "_form=reporting-form&_page=" + java.net.URLEncoder.encode(page, StandardCharsets.UTF_8) + "&channel=EMAIL";
        HttpResponse<String> refused = http.send("POST", "/reporting/submissions", "schemer", "application/x-www-form-urlencoded", bytes(none));
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(http.follow(refused, "schemer").body()).contains("请至少选择一个要记录为已报送的条目").contains(number);

        HttpResponse<String> done = http.send("POST", "/reporting/submissions", "schemer", "application/x-www-form-urlencoded",
                bytes(none + "&ids=" + issue.id() + "&receipt=" + java.net.URLEncoder.encode("回执-1", StandardCharsets.UTF_8)));
        assertThat(done.statusCode()).isIn(302, 303);
        String after = http.follow(done, "schemer").body();
        assertThat(after).contains("id=\"reporting-done\"").contains("回执-1").doesNotContain("id=\"item-" + issue.id() + "\"");
        assertThat(fx.mine(number, ReportKind.ISSUE).get(0).reported().by()).isEqualTo("schemer");

        String en = ok(http.send("GET", "/reporting?lang=en&scheme=" + fx.scheme, "pm")).body();
        assertThat(en).contains("Reporting to CNCA").contains("No unreported items.").doesNotContain("向认监委报送");
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
