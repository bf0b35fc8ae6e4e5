package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.Messages;
import cn.cfp.TestClock;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.access.TokenScope;
import cn.cfp.access.UserDirectory;
import cn.cfp.audit.AuditRecord;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Reason;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens with a scope, an expiry and a last-used time (issue 8 item 3), and tokens that a stranger's failed
 * logins cannot switch off (issue 8 item 5) — over real HTTP against the running server.
 */
@CfpIntegrationTest
class ApiTokenScopeAndExpiryTest {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditTrail audit;
    @Autowired
    TestClock clock;

    TestHttp http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    @Test
    void a_read_token_reads_but_is_refused_on_a_post_with_403_in_words_and_nothing_changes() {
        String read = http.mint("client-motor", TokenScope.READ, 30);
        HttpResponse<String> list = http.sendWithToken("GET", "/api/applications", read, null, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        String total = list.headers().firstValue("X-Total-Count").orElseThrow();

        HttpResponse<String> post = http.sendWithToken("POST", "/api/applications", read, JSON,
                json.writeValueAsBytes(Map.of("scheme", "CNCA-CFP-00", "form", Map.of())));
        assertThat(post.statusCode()).as(post.body()).isEqualTo(403);
        JsonNode error = json.readTree(post.body()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("access.token.scope");
        assertThat(error.get("message").asString()).isEqualTo(Messages.chinese(Reason.of("access.token.scope",
                TokenScope.READ.label(), "application.create", TokenScope.WORKFLOW.label())));
        assertThat(error.get("message").asString()).isEqualTo("此 API 令牌的权限范围是“只读”，不能执行 application.create：此操作需要“业务办理”范围的令牌");
        assertThat(http.sendWithToken("GET", "/api/applications", read, null, null).headers().firstValue("X-Total-Count"))
                .contains(total);
    }

    @Test
    void a_workflow_token_does_its_owners_work_but_cannot_mint_tokens_or_manage_users() {
        String clientWorkflow = http.mint("client-motor", TokenScope.WORKFLOW, 30);
        HttpResponse<String> draft = http.sendWithToken("POST", "/api/applications", clientWorkflow, JSON,
                json.writeValueAsBytes(Map.of("scheme", "CNCA-CFP-00", "form", Map.of())));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);

        String adminWorkflow = http.mint("admin", TokenScope.WORKFLOW, 30);
        CfpPrincipal admin = (CfpPrincipal) users.loadUserByUsername("admin");
        int adminTokens = tokens.of(admin).size();
        String username = "wf-" + UUID.randomUUID().toString().substring(0, 8);
        String expected = Messages.chinese(Reason.of("access.token.scope", TokenScope.WORKFLOW.label(), "users.admin",
                TokenScope.ADMIN.label()));

        HttpResponse<String> newUser = http.sendWithToken("POST", "/admin/users", adminWorkflow, FORM, form(
                "username", username, "displayName", "Workflow Made", "password", "long-enough-9", "roles", "INSPECTOR"));
        assertThat(newUser.statusCode()).as(newUser.body()).isEqualTo(403);
        assertThat(newUser.body()).contains(expected);
        assertThat(directory.findByUsername(username)).isEmpty();
        // not even the list of users, nor the tokens page
        assertThat(http.sendWithToken("GET", "/admin/users", adminWorkflow, null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> mint = http.sendWithToken("POST", "/tokens", adminWorkflow, FORM,
                form("label", "minted by a workflow token", "scope", "ADMIN", "days", "30"));
        assertThat(mint.statusCode()).as(mint.body()).isEqualTo(403);
        assertThat(mint.body()).contains(Messages.chinese(Reason.of("access.token.scope", TokenScope.WORKFLOW.label(), "tokens.own",
                TokenScope.ADMIN.label()))).doesNotContain("new-token");
        assertThat(tokens.of(admin)).hasSize(adminTokens);
        HttpResponse<String> revoke = http.sendWithToken("POST", "/tokens/" + tokens.of(admin).get(0).id() + "/revoke",
                adminWorkflow, FORM, new byte[0]);
        assertThat(revoke.statusCode()).isEqualTo(403);
        // a workflow token still does the admin's work outside administration, e.g. the audit trail (audit.verify)
        assertThat(http.sendWithToken("GET", "/admin/audit", adminWorkflow, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void an_admin_token_can_mint_tokens_and_manage_users_and_the_new_token_has_the_scope_and_expiry_chosen() {
        String adminToken = http.mint("admin", TokenScope.ADMIN, 30);
        String username = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> newUser = http.sendWithToken("POST", "/admin/users", adminToken, FORM, form(
                "username", username, "displayName", "Admin Made", "password", "long-enough-9", "roles", "INSPECTOR"));
        assertThat(newUser.statusCode()).as(newUser.body()).isEqualTo(302);
        assertThat(directory.findByUsername(username)).isPresent();

        String label = "minted " + UUID.randomUUID();
        HttpResponse<String> mint = http.sendWithToken("POST", "/tokens", adminToken, FORM, form("label", label, "scope", "READ", "days", "7"));
        assertThat(mint.statusCode()).as(mint.body()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"new-token\">(cfp_[^<]+)<").matcher(mint.body());
        assertThat(m.find()).as("the page shows the new token once").isTrue();
        assertThat(tokens.check(m.group(1))).isInstanceOfSatisfying(ApiTokens.Check.Valid.class, v -> {
            assertThat(v.owner().username()).isEqualTo("admin");
            assertThat(v.scope()).isEqualTo(TokenScope.READ);
        });
        ApiTokens.TokenView made = view("admin", label);
        assertThat(Duration.between(made.createdAt(), made.expiresAt())).isEqualTo(Duration.ofDays(7));
        // the audit trail records the scope and the expiry of every new token
        AuditRecord created = audit.forTarget("user:admin").stream().filter(r -> r.action().equals("API_TOKEN_CREATED")
                && r.details().contains(label)).findFirst().orElseThrow();
        JsonNode details = json.readTree(created.details());
        assertThat(details.get("scope").asString()).isEqualTo("READ");
        assertThat(details.get("validDays").asInt()).isEqualTo(7);
        assertThat(OffsetDateTime.parse(details.get("expiresAt").asString()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .isEqualTo(made.expiresAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void a_tokens_scope_never_exceeds_its_owners_roles() {
        String inspectorAdmin = http.mint("inspector", TokenScope.ADMIN, 30);
        HttpResponse<String> r = http.sendWithToken("POST", "/admin/users", inspectorAdmin, FORM, form(
                "username", "never-made", "displayName", "Never", "password", "long-enough-9", "roles", "ADMIN"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("您的角色不能执行此操作（users.admin）");
        assertThat(directory.findByUsername("never-made")).isEmpty();
    }

    /** Worked example: a 1-day token made at T works at T + 23 h 59 min and is refused at T + 24 h 1 min. */
    @Test
    void an_expired_token_gets_401_with_its_own_reason_and_the_day_it_expired() {
        String token = http.mint("pm", TokenScope.READ, 1);
        ApiTokens.TokenView view = tokens.of((CfpPrincipal) users.loadUserByUsername("pm")).stream()
                .reduce((a, b) -> b).orElseThrow();
        try {
            clock.advance(Duration.ofDays(1).minusMinutes(1));
            assertThat(http.sendWithToken("GET", "/api/schemes", token, null, null).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            HttpResponse<String> r = http.sendWithToken("GET", "/api/schemes", token, null, null);
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode error = json.readTree(r.body()).get("errors").get(0);
            assertThat(error.get("code").asString()).isEqualTo("access.token.expired");
            String day = view.expiresAt().atZoneSameInstant(CHINA).toLocalDate().toString();
            assertThat(error.get("message").asString()).isEqualTo("此 API 令牌已于 " + day + " 过期；请在“API 令牌”页面生成新令牌");
        } finally {
            clock.reset();
        }
    }

    @Test
    void a_revoked_token_gets_401_and_an_unknown_one_is_told_only_that_it_is_invalid() {
        String token = http.mint("verifier", TokenScope.WORKFLOW, 30);
        CfpPrincipal verifier = (CfpPrincipal) users.loadUserByUsername("verifier");
        assertThat(http.sendWithToken("GET", "/api/schemes", token, null, null).statusCode()).isEqualTo(200);
        tokens.revoke(verifier, tokens.of(verifier).stream().reduce((a, b) -> b).orElseThrow().id());
        HttpResponse<String> r = http.sendWithToken("GET", "/api/schemes", token, null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json.readTree(r.body()).get("errors").get(0).get("code").asString()).isEqualTo("access.token.revoked");

        HttpResponse<String> unknown = http.sendWithToken("GET", "/api/schemes", "cfp_" + "x".repeat(43), null, null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        JsonNode error = json.readTree(unknown.body()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("access.token.invalid");
        assertThat(error.get("args")).isEmpty();
    }

    /** Issue 8 item 5: guessing a person's password slows their sign-in, not their integrations; disabling them does. */
    @Test
    void a_token_keeps_working_while_its_owner_is_locked_out_by_failed_logins_but_not_once_the_owner_is_disabled() throws Exception {
        String username = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        long id = directory.create("admin", username, "Locked Owner", "correct-horse-7", Set.of(Role.INSPECTOR), null);
        String token = http.mint(username, TokenScope.WORKFLOW, 30);
        for (int i = 0; i < 5; i++) {
            assertThat(login(username, "wrong-password")).endsWith("/login?error");
        }
        assertThat(login(username, "correct-horse-7")).as("the sign-in waits (LoginThrottle)").endsWith("/login?error");
        HttpResponse<String> whileLocked = http.sendWithToken("GET", "/api/schemes", token, null, null);
        assertThat(whileLocked.statusCode()).as(whileLocked.body()).isEqualTo(200);

        directory.update("admin", id, "Locked Owner", Set.of(Role.INSPECTOR), null, false);
        HttpResponse<String> disabled = http.sendWithToken("GET", "/api/schemes", token, null, null);
        assertThat(disabled.statusCode()).isEqualTo(401);
        JsonNode error = json.readTree(disabled.body()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("access.token.ownerDisabled");
        assertThat(error.get("message").asString()).contains(username);
    }

    /** Worked example: used at T (recorded), T + 30 s (not written: less than a minute), T + 61 s (recorded again). */
    @Test
    void the_last_use_is_recorded_at_most_once_a_minute() {
        String token = http.mint("reviewer", TokenScope.READ, 30);
        ApiTokens.TokenView fresh = newest("reviewer");
        assertThat(fresh.lastUsedAt()).isNull();
        try {
            OffsetDateTime before = OffsetDateTime.now(clock);
            assertThat(http.sendWithToken("GET", "/api/schemes", token, null, null).statusCode()).isEqualTo(200);
            OffsetDateTime first = newest("reviewer").lastUsedAt();
            assertThat(first).isNotNull();
            assertThat(first.toInstant()).isBetween(before.toInstant().minusSeconds(1), OffsetDateTime.now(clock).toInstant().plusSeconds(1));

            clock.advance(Duration.ofSeconds(30));
            http.sendWithToken("GET", "/api/schemes", token, null, null);
            assertThat(newest("reviewer").lastUsedAt()).isEqualTo(first);

            clock.advance(Duration.ofSeconds(31));
            http.sendWithToken("GET", "/api/schemes", token, null, null);
            OffsetDateTime third = newest("reviewer").lastUsedAt();
            assertThat(Duration.between(first, third)).isGreaterThanOrEqualTo(Duration.ofSeconds(61));
        } finally {
            clock.reset();
        }
    }

    /** The tokens page lists label, scope, created, expires, last used, revoked and status, in the page's language. */
    @Test
    void the_tokens_page_shows_scope_expiry_and_last_use_in_the_pages_language() {
        String label = "page " + UUID.randomUUID();
        String token = tokens.create((CfpPrincipal) users.loadUserByUsername("schemer"), label, TokenScope.READ, 30);
        ApiTokens.TokenView view = view("schemer", label);
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        String zh = http.send("GET", "/tokens", "schemer").body();
        String row = row(zh, label);
        assertThat(row).contains("只读（仅查询）").contains(view.createdAt().atZoneSameInstant(CHINA).format(shown))
                .contains(view.expiresAt().atZoneSameInstant(CHINA).format(shown)).contains("从未使用").contains("有效");
        assertThat(zh).contains("<select id=\"token-scope\" name=\"scope\">").contains("value=\"READ\"").contains("value=\"WORKFLOW\"")
                .contains("value=\"ADMIN\"").contains("name=\"days\" type=\"number\"").contains("value=\"90\"")
                .contains("权限范围").contains("到期时间").contains("最近使用").contains("吊销时间");

        http.sendWithToken("GET", "/api/schemes", token, null, null);
        CfpPrincipal schemer = (CfpPrincipal) users.loadUserByUsername("schemer");
        tokens.revoke(schemer, view.id());
        String en = http.send("GET", "/tokens?lang=en", "schemer").body();
        String enRow = row(en, label);
        assertThat(enRow).contains("Read (queries only)").contains("revoked")
                // the English page writes times the English way, still in China time (issue 8 item 12)
                .contains(view("schemer", label).lastUsedAt().atZoneSameInstant(CHINA)
                        .format(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)))
                .doesNotContain("never").doesNotContain("只读");
        assertThat(en).contains("Scope").contains("Expires").contains("Last used").doesNotContain("权限范围");
    }

    private ApiTokens.TokenView view(String username, String label) {
        return tokens.of((CfpPrincipal) users.loadUserByUsername(username)).stream().filter(t -> t.label().equals(label))
                .findFirst().orElseThrow();
    }

    private ApiTokens.TokenView newest(String username) {
        return tokens.of((CfpPrincipal) users.loadUserByUsername(username)).stream().reduce((a, b) -> b).orElseThrow();
    }

    /** The table row of the page showing this label. */
    private static String row(String html, String label) {
        int at = html.indexOf(">" + label + "<");
        assertThat(at).as("the page lists " + label).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private static byte[] form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts).getBytes(StandardCharsets.UTF_8);
    }

    /** Signs in through the form like a browser (CSRF token from the page); returns where the server sends the person. */
    private String login(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form("username", username, "password", password, "_csrf", m.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }
}
