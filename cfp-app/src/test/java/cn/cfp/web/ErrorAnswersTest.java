package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Over real HTTP: a refused page form comes back (303) to its page with the reasons next to the fields and the input
 * kept; every error a person can meet (400, 403, 404, 405, 413, 500) is a page inside the shell, in words, with a link
 * back; the API answers the same cases in JSON; a database constraint that escapes a service is a 409/400 in words.
 */
@CfpIntegrationTest
class ErrorAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> postForm(String path, String user, Map<String, String> fields, Map<String, String> headers) {
        return http.send("POST", path, user, "application/x-www-form-urlencoded", form(fields), headers);
    }

    /** What a person must never see: Spring's fallback page, Java class names, exception messages, stack traces. */
    static void inWords(String body) {
        assertThat(body).doesNotContain("Whitelabel").doesNotContain("Exception").doesNotContain("java.")
                .doesNotContain("cn.cfp.").doesNotContain("org.springframework").doesNotContain("\tat ")
                .doesNotContain("internal detail");
    }

    /** An error page inside the shell: the navigation of the signed-in person, the reasons box, a working link. */
    static void shellPage(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String body = r.body();
        inWords(body);
        assertThat(body).contains("class=\"mainnav\"").contains("id=\"refusal-reasons\"").contains("data-status=\"" + status + "\"")
                .contains("id=\"error-home\"").doesNotContain("javascript:");
    }

    static void json(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).startsWith("{\"status\":" + status + ",\"errors\":[{\"code\":\"" + code + "\",\"message\":\"");
        inWords(r.body());
    }

    // ------------------------------------------------------------------ a refused form

    @Test
    void a_refused_form_comes_back_to_its_page_with_the_reasons_next_to_the_fields_and_the_input_kept() {
        String name = "回填测试企业 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_form", "party-form");
        fields.put("_page", "/portal");
        fields.put("name", name);
        fields.put("nameEn", "Kept Ltd");
        fields.put("creditCode", "12345");
        fields.put("address", "保留路 8 号");
        fields.put("legalRepresentative", "王五");
        fields.put("contactName", "赵六");
        fields.put("contactPhone", "010-5555");
        HttpResponse<String> refused = postForm("/portal/parties", "client-motor", fields, Map.of("Referer", http.base() + "/portal"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/portal");

        HttpResponse<String> page = http.follow(refused, "client-motor");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String body = page.body();
        // the reasons at the top of the form that was sent, and the credit code's reason next to its field
        int form = body.indexOf("id=\"party-form\"");
        int box = body.indexOf("id=\"refusal-reasons\"");
        assertThat(form).isPositive();
        assertThat(box).isGreaterThan(form);
        assertThat(body).contains("统一社会信用代码").contains("class=\"field-error\" data-field=\"creditCode\"");
        // what was typed is still there
        assertThat(body).contains("value=\"" + name + "\"").contains("value=\"12345\"").contains("value=\"保留路 8 号\"")
                .contains("value=\"Kept Ltd\"").contains("value=\"010-5555\"");
        inWords(body);
        // once only: the next visit is a fresh page
        assertThat(http.send("GET", "/portal", "client-motor").body()).doesNotContain("refusal-reasons").doesNotContain(name);
    }

    @Test
    void the_old_favicon_address_leads_to_the_icon_for_anyone_issue_8_item_17() {
        HttpResponse<String> r = http.send("GET", "/favicon.ico", null);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/favicon.svg");
        assertThat(http.send("GET", "/favicon.svg", null).body()).contains("<svg");
    }

    @Test
    void a_refused_form_comes_back_in_english_when_the_page_is_english() {
        Map<String, String> fields = Map.of("_form", "party-form", "name", "", "creditCode", "12345", "address", "x",
                "legalRepresentative", "x", "contactName", "x", "contactPhone", "x");
        HttpResponse<String> refused = postForm("/portal/parties?lang=en", "client-motor", fields,
                Map.of("Referer", http.base() + "/portal?lang=en"));
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/portal?lang=en");
        String body = http.follow(refused, "client-motor").body();
        assertThat(body).contains("This was not saved").contains("credit code").doesNotContain("统一社会信用代码应");
    }

    @Test
    void a_refused_form_from_a_foreign_page_goes_to_my_work_with_its_reasons_on_top() {
        Map<String, String> fields = Map.of("_form", "party-form", "_page", "//evil.example/x", "name", "x", "creditCode", "1",
                "address", "x", "legalRepresentative", "x", "contactName", "x", "contactPhone", "x");
        HttpResponse<String> refused = postForm("/portal/parties", "client-motor", fields, Map.of("Referer", "https://evil.example/portal"));
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/mywork").doesNotContain("evil");
        String body = http.follow(refused, "client-motor").body();
        assertThat(body).contains("id=\"refusal-reasons\"").contains("统一社会信用代码");
    }

    @Test
    void a_password_is_never_sent_back_to_the_form() {
        Map<String, String> fields = Map.of("_form", "user-create", "_page", "/admin/users", "username", "Bad Name!",
                "displayName", "保留姓名", "password", "short-secret");
        HttpResponse<String> refused = postForm("/admin/users", "admin", fields, Map.of());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        String body = http.follow(refused, "admin").body();
        assertThat(body).contains("id=\"refusal-reasons\"").contains("保留姓名").doesNotContain("short-secret");
    }

    // ------------------------------------------------------------------ error pages inside the shell

    @Test
    void a_bad_parameter_is_a_400_page_that_says_which_parameter_and_what_format() {
        HttpResponse<String> r = http.send("GET", "/calendar?from=2026-02-30&days=3", "pm", null, null,
                Map.of("Referer", http.base() + "/calendar"));
        shellPage(r, 400);
        assertThat(r.body()).contains("“from”的值“2026-02-30”无效：应为日期，格式 yyyy-mm-dd")
                .contains("<a href=\"/calendar\" id=\"error-back\">");
        HttpResponse<String> en = http.send("GET", "/calendar?days=many&lang=en", "pm");
        shellPage(en, 400);
        assertThat(en.body()).contains("&#39;days&#39; is &#39;many&#39;, which is not valid: it must be a whole number");
    }

    @Test
    void a_refused_record_is_a_403_page_with_a_link_back_that_works_under_the_csp() {
        HttpResponse<String> r = http.send("GET", "/personnel", "client-motor", null, null, Map.of("Referer", http.base() + "/mywork"));
        shellPage(r, 403);
        assertThat(r.body()).contains("无权访问").contains("href=\"/mywork\"");
        // a link to another site is never offered
        HttpResponse<String> foreign = http.send("GET", "/personnel", "client-motor", null, null, Map.of("Referer", "https://evil.example/"));
        shellPage(foreign, 403);
        assertThat(foreign.body()).doesNotContain("evil.example").doesNotContain("id=\"error-back\"");
    }

    @Test
    void an_expired_form_is_a_403_page_in_words() {
        // a form sent without its CSRF token (e.g. from a page left open across a sign-out)
        HttpResponse<String> r = http.send("POST", "/portal/parties", null, "application/x-www-form-urlencoded",
                "name=x".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(403);
        inWords(r.body());
        assertThat(r.body()).contains("表单已过期").contains("<a href=\"/login\" id=\"error-home\">");
    }

    @ParameterizedTest
    @CsvSource({"/no/such/page", "/applications/999999999", "/error"})
    void a_missing_page_or_record_is_a_404_page(String path) {
        HttpResponse<String> r = http.send("GET", path, "pm");
        shellPage(r, 404);
        assertThat(r.body()).contains("找不到页面");
    }

    @Test
    void a_wrong_method_is_a_405_page_naming_the_method_that_works() {
        HttpResponse<String> r = http.send("GET", "/portal/parties", "client-motor");
        shellPage(r, 405);
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST");
        assertThat(r.body()).contains("此地址不接受 GET 请求（只接受 POST）");
    }

    @Test
    void an_upload_over_the_limit_is_a_413_page() {
        HttpResponse<String> r = oversizedUpload("/evidence", "client-motor");
        shellPage(r, 413);
        assertThat(r.body()).contains("上传内容过大").contains("每个文件最多 64 MB");
    }

    @Test
    void an_unexpected_failure_is_a_500_page_with_a_reference_that_is_in_the_log() throws Exception {
        HttpResponse<String> r = http.send("GET", "/test-only/boom", "pm");
        shellPage(r, 500);
        String reference = between(r.body(), "<code>", "</code>");
        assertThat(reference).matches("[0-9A-F]{8}");
        assertThat(r.body()).contains("参考编号 " + reference);
        java.nio.file.Path log = java.nio.file.Path.of("target/test-data/logs/cfp.log");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> java.nio.file.Files.readString(log).contains("reference " + reference));
    }

    @Test
    void a_failure_while_a_page_is_rendered_is_a_500_page_too() {
        HttpResponse<String> r = http.send("GET", "/test-only/broken-page", "pm");
        assertThat(r.statusCode()).isEqualTo(500);
        inWords(r.body());
        assertThat(r.body()).contains("系统出错").contains("id=\"error-reference\"");
    }

    // ------------------------------------------------------------------ the API: JSON for the same cases

    @Test
    void the_api_answers_every_error_in_json_in_words() {
        json(http.send("GET", "/api/calendar/working-days?from=2026-13-01&days=3", "pm"), 400, "web.param.invalid");
        assertThat(http.send("GET", "/api/calendar/working-days?from=2026-13-01&days=3", "pm").body())
                .contains("\"field\":\"from\"").contains("yyyy-mm-dd");
        json(http.send("GET", "/api/calendar/working-days?days=3", "pm"), 400, "web.param.missing");
        json(http.send("GET", "/api/personnel", "client-motor"), 403, "access.role");
        json(http.send("GET", "/api/no-such-thing", "pm"), 404, "web.notFound");
        HttpResponse<String> method = http.send("DELETE", "/api/schemes", "pm");
        json(method, 405, "web.methodNotAllowed");
        assertThat(method.headers().firstValue("Allow").orElse("")).contains("GET");
        json(oversizedUpload("/api/evidence", "client-motor"), 413, "web.upload.tooLarge");
        HttpResponse<String> boom = http.send("GET", "/api/test-only/boom", "pm");
        json(boom, 500, "web.unexpected");
        // English when asked
        HttpResponse<String> en = http.send("GET", "/api/test-only/boom", "pm", null, null, Map.of("Accept-Language", "en"));
        json(en, 500, "web.unexpected");
        assertThat(en.body()).contains("Something unexpected went wrong");
        // Accept: text/html does not turn an API answer into a page
        json(http.send("GET", "/api/no-such-thing", "pm", null, null, Map.of("Accept", "text/html")), 404, "web.notFound");
    }

    @Test
    void an_unreadable_json_body_says_where_and_what() {
        json(body("{\"count\": 3, \"on\": tru"), 400, "web.body.syntax");
        assertThat(body("{\"count\": 3, \"on\": tru").body()).contains("第 1 行");
        HttpResponse<String> type = body("{\"count\": \"many\"}");
        json(type, 400, "web.body.invalid");
        assertThat(type.body()).contains("\"field\":\"count\"").contains("整数");
        HttpResponse<String> date = body("{\"count\": 1, \"on\": \"31.03.2026\"}");
        json(date, 400, "web.body.invalid");
        assertThat(date.body()).contains("\"field\":\"on\"").contains("yyyy-mm-dd");
        json(body(""), 400, "web.body.missing");
        json(http.send("POST", "/api/test-only/body", "pm", "text/plain", "x".getBytes(StandardCharsets.UTF_8)), 415, "web.mediaType");
        // a module's own endpoint
        String path = "/api/personnel/" + ((cn.cfp.access.CfpPrincipal) users.loadUserByUsername("preparer")).id();
        HttpResponse<String> profile = http.send("PUT", path, "evaluator", "application/json",
                "{\"fullTime\": true, \"experienceYears\": \"many\"}".getBytes(StandardCharsets.UTF_8));
        json(profile, 400, "web.body.invalid");
        assertThat(profile.body()).contains("\"field\":\"experienceYears\"");
    }

    HttpResponse<String> body(String json) {
        return http.send("POST", "/api/test-only/body", "pm", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ database constraints

    @Test
    void a_duplicate_key_that_escapes_a_service_is_a_409_in_words() {
        json(http.send("POST", "/api/test-only/duplicate", "admin"), 409, "web.duplicate");
        json(http.send("POST", "/api/test-only/missing-value", "admin"), 400, "web.invalidData");
        // on a page: back to the page, the reason on top
        HttpResponse<String> page = http.send("POST", "/test-only/duplicate", "admin", "application/x-www-form-urlencoded",
                "username=admin".getBytes(StandardCharsets.UTF_8), Map.of("Referer", http.base() + "/admin/users"));
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");
        String body = http.follow(page, "admin").body();
        assertThat(body).contains("id=\"refusal-reasons\"").contains("已存在相同的记录");
        inWords(body);
    }

    // ------------------------------------------------------------------ helpers

    /** A multipart upload a little over the 64 MB per-file limit, streamed (never held in memory). */
    HttpResponse<String> oversizedUpload(String path, String user) {
        String boundary = "----cfp" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"org\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long size = 64L * 1024 * 1024 + 256 * 1024;
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Bearer " + http.tokenOf(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(head), zeros(size), new ByteArrayInputStream(tail))))))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream zeros(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertThat(a).as("'" + from + "' in the page").isNotNegative();
        return s.substring(a + from.length(), s.indexOf(to, a));
    }
}
