package cn.cfp.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.audit.AuditTrail;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The public registry [R-PUB-1, decision D4; issue 10 item 7], over real HTTP and anonymously: the page a label's QR code
 * opens, its status in red with the date once the certificate module publishes a change (on the next request, through
 * the cache), expiry by the clock, the 301 from a number without hyphens, the 404 in words, search and paging, the
 * JSON API and its OpenAPI description, the open-data export.
 */
@CfpIntegrationTest
class RegistryTest {

    static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef]");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    TestClock clock;
    @Autowired
    OpenData openData;
    @Autowired
    AuditTrail audit;

    TestHttp http;
    RegistryFixture registry;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        registry = new RegistryFixture(context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    HttpResponse<String> get(String path) {
        return http.send("GET", path, null);
    }

    PublicCertificate issued(String company, String product, int validDays) {
        PublicCertificate c = registry.certificate(registry.newNumber(), "CNCA-CFP-00", company, product, validDays);
        registry.issue(c);
        return c;
    }

    /** R-PUB-1: the page shows product, model, footprint per unit, functional unit, boundary, data period, validity, status, body. */
    @Test
    void R_PUB_1_the_qr_target_shows_the_public_record_of_an_issued_certificate() {
        PublicCertificate c = issued("公开企业甲", "隔爆型三相异步电动机", 730);
        HttpResponse<String> page = get("/c/" + c.number());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = page.body();
        LocalDate today = LocalDate.now(clock);
        assertThat(html).contains("<title>" + c.number() + " · 产品碳足迹认证证书（有效）· 公开查询</title>")
                .contains("id=\"certificate-number\">" + c.number() + "<")
                .contains("隔爆型三相异步电动机", c.products().get(0).model(), ">18.5<", "kgCO2e/件", "1 件产品", "从摇篮到大门")
                .contains(today.minusYears(1) + " 至 " + today.minusDays(1))
                .contains("id=\"f-valid-until\">" + today.plusDays(730) + "<")
                .contains("id=\"current-status\" class=\"status-valid\">有效<")
                .contains("示例产品碳足迹认证中心", "http://localhost:8080", "http://localhost:8080/c/" + c.number())
                .doesNotContain("id=\"status-alert\"");
        // a stranger's page: no session made, no CSRF token in it
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(v -> v.startsWith("JSESSIONID"));
        assertThat(html).doesNotContain("_csrf");

        JsonNode api = json.readTree(get("/api/public/certificates/" + c.number()).body());
        assertThat(api.get("status").asString()).isEqualTo("VALID");
        assertThat(api.get("certificate").get("products").get(0).get("footprint").decimalValue()).isEqualByComparingTo("18.5");
        assertThat(api.get("certificate").get("validUntil").asString()).isEqualTo(today.plusDays(730).toString());
        assertThat(api.get("history")).hasSize(1);
        assertThat(api.get("history").get(0).get("status").asString()).isEqualTo("VALID");
    }

    /** R-PUB-1: a suspension shows at the top in red, with its date, on the next request (the cached page is dropped). */
    @Test
    void R_PUB_1_a_status_change_shows_in_red_with_its_date_on_the_next_request() {
        PublicCertificate c = issued("公开企业乙", "电机", 730);
        String path = "/c/" + c.number();
        assertThat(get(path).body()).contains("status-valid");   // rendered and cached as valid
        assertThat(get("/api/public/certificates/" + c.number()).body()).contains("\"VALID\"");
        LocalDate today = LocalDate.now(clock);
        registry.status(c.number(), CertificateStatus.SUSPENDED, today, today, "监督检查发现产品一致性问题");
        await().atMost(Duration.ofSeconds(20)).until(() -> get(path).body().contains("id=\"status-alert\""));
        String html = get(path).body();
        assertThat(html).contains("<div class=\"error status-alert\" id=\"status-alert\" role=\"alert\">本证书状态：暂停（自 " + today + " 起）。</div>")
                .contains("id=\"current-status\" class=\"status-bad\">暂停<")
                .contains("监督检查发现产品一致性问题")
                .contains("<title>" + c.number() + " · 产品碳足迹认证证书（暂停）· 公开查询</title>");
        JsonNode api = json.readTree(get("/api/public/certificates/" + c.number()).body());
        assertThat(api.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(api.get("statusSince").asString()).isEqualTo(today.toString());
        assertThat(api.get("history")).hasSize(2);
        assertThat(api.get("history").get(1).get("cause").asString()).isEqualTo("监督检查发现产品一致性问题");

        // a restoration is shown as soon, and the history keeps both
        registry.status(c.number(), CertificateStatus.VALID, today, today, "整改完成，恢复");
        await().atMost(Duration.ofSeconds(20)).until(() -> !get(path).body().contains("id=\"status-alert\""));
        assertThat(json.readTree(get("/api/public/certificates/" + c.number()).body()).get("history")).hasSize(3);
    }

    /** R-PUB-1: expiry is derived from the validity date by the clock, never stored; it shows in red from the next day. */
    @Test
    void R_PUB_1_a_certificate_past_its_validity_date_is_expired_by_the_clock() {
        String tag = "到期企业" + UUID.randomUUID().toString().substring(0, 6);
        PublicCertificate c = issued(tag, "电机", 5);
        String path = "/c/" + c.number();
        assertThat(get(path).body()).contains("status-valid");
        clock.advanceDays(5);   // the last valid day
        assertThat(get(path).body()).contains("status-valid").doesNotContain("id=\"status-alert\"");
        clock.advanceDays(1);
        String html = get(path).body();
        assertThat(html).contains("本证书状态：过期失效（自 " + c.validUntil().plusDays(1) + " 起）。")
                .contains("有效期至 " + c.validUntil() + "，已届满");
        JsonNode api = json.readTree(get("/api/public/certificates/" + c.number()).body());
        assertThat(api.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(api.get("history").get(1).get("derived").asBoolean()).isTrue();
        HttpResponse<String> found = get("/api/public/certificates?company=" + enc(tag) + "&status=EXPIRED");
        assertThat(found.headers().firstValue("X-Total-Count")).contains("1");
        assertThat(get("/api/public/certificates?company=" + enc(tag) + "&status=VALID").headers().firstValue("X-Total-Count")).contains("0");
    }

    /** The QR target accepts the number without hyphens (or in lower case) and sends to the number as issued (301). */
    @Test
    void R_PUB_1_a_number_without_hyphens_is_redirected_to_the_number_as_issued() {
        PublicCertificate c = issued("公开企业丙", "电机", 730);
        String bare = c.number().replace("-", "");
        HttpResponse<String> r = get("/c/" + bare);
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).contains("/c/" + c.number());
        HttpResponse<String> lower = get("/c/" + bare.toLowerCase() + "?lang=en");
        assertThat(lower.statusCode()).isEqualTo(301);
        assertThat(lower.headers().firstValue("Location")).contains("/c/" + c.number() + "?lang=en");
        // the JSON API answers any spelling directly
        assertThat(json.readTree(get("/api/public/certificates/" + bare).body()).get("certificate").get("number").asString())
                .isEqualTo(c.number());
    }

    @Test
    void R_PUB_1_an_unknown_number_is_a_404_page_in_words() {
        HttpResponse<String> r = get("/c/CFP-0123-2026-999-9999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<title>未找到证书</title>", "本机构没有编号为“CFP-0123-2026-999-9999”的证书。");
        HttpResponse<String> en = get("/c/CFP-0123-2026-999-9999?lang=en");
        assertThat(en.body()).contains("This body has no certificate numbered &quot;CFP-0123-2026-999-9999&quot;.");
        HttpResponse<String> api = get("/api/public/certificates/CFP-0123-2026-999-9999");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(codes(api)).containsExactly("registry.unknown");
    }

    /** The English page: one language, no Chinese in the title and headings (data such as product names stay as issued). */
    @Test
    void the_certificate_page_renders_in_english() {
        PublicCertificate c = issued("公开企业丁", "电机", 730);
        HttpResponse<String> r = get("/c/" + c.number() + "?lang=en");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<html lang=\"en\"", "<title>Certificate " + c.number() + " (valid) · product carbon footprint · public registry</title>",
                "Product carbon footprint certificate", "Status history", "Carbon footprint per unit", "Valid until",
                "Demo Product Carbon Footprint Certification Centre");
        List<String> headings = texts(html, "h1|h2|th|dt|title|label");
        assertThat(headings).isNotEmpty().noneMatch(t -> CJK.matcher(t).find());
        // and the Chinese page stays Chinese: the same number's cached English rendering is not served to it
        assertThat(get("/c/" + c.number() + "?lang=zh_CN").body()).contains("<html lang=\"zh-CN\"", "状态记录");
    }

    @Test
    void R_PUB_1_search_by_company_product_number_scheme_and_status_with_paging() {
        String tag = "检索企业" + UUID.randomUUID().toString().substring(0, 6);
        PublicCertificate a = issued(tag, "高压电机", 730);
        PublicCertificate b = issued(tag, "低压电机", 730);
        PublicCertificate c = issued(tag, "低压电机", 730);
        HttpResponse<String> p0 = get("/api/public/certificates?company=" + enc(tag) + "&size=2");
        assertThat(p0.headers().firstValue("X-Total-Count")).contains("3");
        assertThat(json.readTree(p0.body())).hasSize(2);
        HttpResponse<String> p1 = get("/api/public/certificates?company=" + enc(tag) + "&size=2&page=1");
        assertThat(json.readTree(p1.body())).hasSize(1);
        List<String> all = new ArrayList<>();
        json.readTree(p0.body()).forEach(n -> all.add(n.get("certificate").get("number").asString()));
        json.readTree(p1.body()).forEach(n -> all.add(n.get("certificate").get("number").asString()));
        assertThat(all).containsExactlyInAnyOrder(a.number(), b.number(), c.number());

        assertThat(get("/api/public/certificates?company=" + enc(tag) + "&product=" + enc("低压")).headers().firstValue("X-Total-Count")).contains("2");
        // the manufacturer's name finds it too; a part of the number without hyphens finds one
        assertThat(get("/api/public/certificates?company=" + enc(tag + " 制造")).headers().firstValue("X-Total-Count")).contains("3");
        String bare = a.number().replace("-", "");
        assertThat(numbers(get("/api/public/certificates?number=" + bare.substring(3)))).containsExactly(a.number());
        assertThat(get("/api/public/certificates?company=" + enc(tag) + "&scheme=CNCA-CFP-00").headers().firstValue("X-Total-Count")).contains("3");
        assertThat(get("/api/public/certificates?company=" + enc(tag) + "&scheme=CEC-FURNITURE").headers().firstValue("X-Total-Count")).contains("0");
        assertThat(get("/api/public/certificates?company=" + enc(tag) + "&status=suspended").headers().firstValue("X-Total-Count")).contains("0");
        // a wildcard typed by a visitor is a character, not a pattern
        assertThat(get("/api/public/certificates?company=%25").headers().firstValue("X-Total-Count")).contains("0");

        assertThat(codes(get("/api/public/certificates?size=101"))).containsExactly("registry.pageSize");
        assertThat(codes(get("/api/public/certificates?status=LOST"))).containsExactly("registry.status");

        HttpResponse<String> page = get("/registry?company=" + enc(tag) + "&size=2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().split("class=\"registry-row\"", -1)).hasSize(3);
        assertThat(page.body()).contains("第 1–2 条，共 3 条").contains("id=\"pager-next\" href=\"/registry?company=" + enc(tag));
        assertThat(get("/registry?company=" + enc(tag) + "&size=2&page=1").body().split("class=\"registry-row\"", -1)).hasSize(2);
    }

    /** The open data: CSV with BOM and header, JSON; the same run twice the same day rewrites nothing; each run audited. */
    @Test
    void R_PUB_1_open_data_export_in_csv_and_json_idempotent_and_audited() throws Exception {
        PublicCertificate c = issued("开放数据企业, 有限公司", "电机 \"A\"", 730);
        int auditedBefore = audit.forTarget("open-data").size();
        OpenData.Export first = openData.export("test");
        OpenData.Export again = openData.export("test");
        assertThat(again.rewritten()).isFalse();
        assertThat(again.csvSha256()).isEqualTo(first.csvSha256());
        assertThat(audit.forTarget("open-data")).hasSize(auditedBefore + 2);

        HttpResponse<byte[]> csv = http.sendForBytes("/open-data/certificates.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", OpenData.COLUMNS));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(c.number() + ",CNCA-CFP-00,1,VALID,")
                .contains(",\"开放数据企业, 有限公司\",", ",\"电机 \"\"A\"\"\",", ",18.5,kgCO2e/件,"));

        JsonNode data = json.readTree(get("/open-data/certificates.json").body());
        assertThat(data.get("generatedOn").asString()).isEqualTo(LocalDate.now(clock).toString());
        List<String> numbers = new ArrayList<>();
        data.get("certificates").forEach(n -> numbers.add(n.get("certificate").get("number").asString()));
        assertThat(numbers).contains(c.number());
        assertThat(first.certificates()).isEqualTo(numbers.size());
    }

    /** The fast path (a cached rendering answered before the security chain) answers exactly as the ordinary way. */
    @Test
    void the_fast_path_answers_as_the_ordinary_way() {
        PublicCertificate c = issued("公开企业戊", "电机", 730);
        for (String[] call : List.of(new String[] {"/c/" + c.number(), "html-zh", null},
                new String[] {"/c/" + c.number(), "html-en", "cfp-lang=en"},
                new String[] {"/api/public/certificates/" + c.number(), "json", null})) {
            Map<String, String> headers = call[2] == null ? Map.of() : Map.of("Cookie", call[2]);
            HttpResponse<String> ordinary = http.send("GET", call[0], null, null, null, headers);
            assertThat(context.getBean(Registry.class).cachedRendering(c.number(), call[1])).as(call[1]).isPresent();
            HttpResponse<String> fast = http.send("GET", call[0], null, null, null, headers);
            assertThat(fast.statusCode()).isEqualTo(200);
            assertThat(fast.body()).isEqualTo(ordinary.body());
            Map<String, List<String>> a = new java.util.TreeMap<>(ordinary.headers().map());
            Map<String, List<String>> b = new java.util.TreeMap<>(fast.headers().map());
            a.remove("date");
            b.remove("date");
            assertThat(b).as(call[0] + " " + call[1]).isEqualTo(a);
        }
    }

    /** R-X-4, R-LBL-2: the label check's online half reads the registry's status of today. */
    @Test
    void R_X_4_the_label_check_asks_the_registry_for_the_status() {
        PublicCertificate c = issued("公开企业己", "电机", 730);
        cn.cfp.label.CertificateStatusLookup lookup = context.getBean(cn.cfp.label.CertificateStatusLookup.class);
        assertThat(lookup.current(c.number())).hasValueSatisfying(s -> {
            assertThat(s.code()).isEqualTo("VALID");
            assertThat(s.valid()).isTrue();
            assertThat(s.validUntil()).isEqualTo(c.validUntil());
        });
        assertThat(lookup.current(c.number().replace("-", ""))).isPresent();
        assertThat(lookup.current("CFP-0123-2026-999-9998")).isEmpty();
        LocalDate today = LocalDate.now(clock);
        registry.status(c.number(), CertificateStatus.REVOKED, today, today, "撤销");
        await().atMost(Duration.ofSeconds(20)).until(() -> lookup.current(c.number()).map(s -> s.code().equals("REVOKED")).orElse(false));
        assertThat(lookup.current(c.number()).orElseThrow().valid()).isFalse();
    }

    /** A certificate with many annexed products publishes whole; its search column is cut to its size, the record is not. */
    @Test
    void R_PUB_1_a_certificate_with_many_products_is_published_whole() {
        PublicCertificate one = registry.certificate(registry.newNumber(), "CEC-FURNITURE", "多产品企业", "实木椅", 730);
        List<PublicCertificate.Product> many = new ArrayList<>();
        // 90 products: the search column (4,000) overflows; the event still fits Modulith's event_publication (20,000)
        for (int i = 0; i < 90; i++) {
            many.add(new PublicCertificate.Product("实木餐椅系列产品（橡木，含坐垫与靠背软包，出口型）第 " + i + " 款", "CHAIR-MODEL-" + i, new java.math.BigDecimal("7.25"),
                    "kgCO2e/把", "1 把"));
        }
        PublicCertificate c = new PublicCertificate(one.number(), one.schemeCode(), 1, one.holderName(), one.holderAddress(),
                one.manufacturerName(), one.manufacturerAddress(), one.factoryName(), one.factoryAddress(), one.unit(), many,
                one.functionalUnit(), one.systemBoundary(), one.dataFrom(), one.dataTo(), one.basis(), one.mode(),
                one.firstIssuedOn(), one.issuedOn(), null, one.validUntil(), one.bodyName(), one.bodyAddress(), one.url(), null, null);
        registry.issue(c);
        assertThat(json.readTree(get("/api/public/certificates/" + c.number()).body()).get("certificate").get("products")).hasSize(90);
        assertThat(get("/c/" + c.number()).body()).contains("CHAIR-MODEL-89");
    }

    /** The public API is in the OpenAPI description. */
    @Test
    void the_public_api_is_documented_in_openapi() {
        HttpResponse<String> docs = http.send("GET", "/v3/api-docs", "pm");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/public/certificates/{number}", "/api/public/certificates", "public registry");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    List<String> codes(HttpResponse<String> r) {
        List<String> codes = new ArrayList<>();
        json.readTree(r.body()).get("errors").forEach(e -> codes.add(e.get("code").asString()));
        return codes;
    }

    List<String> numbers(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        json.readTree(r.body()).forEach(n -> out.add(n.get("certificate").get("number").asString()));
        return out;
    }

    static List<String> texts(String html, String tags) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<(" + tags + ")\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group(2).replaceAll("<[^>]+>", "").strip());
        }
        return out;
    }
}
