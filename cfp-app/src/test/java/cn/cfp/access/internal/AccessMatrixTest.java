package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.Role;
import cn.cfp.access.TokenScope;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role x endpoint matrix, generated from the access table ({@code access/actions.yaml}): every endpoint of the
 * application, called over real HTTP by a demo user of every role and anonymously. Each refusal must be a refusal
 * (401/403 or a redirect to the login page) and each permission must get through. A second test proves the table lists
 * every endpoint, so a new endpoint cannot be added without stating who may call it.
 */
@CfpIntegrationTest
class AccessMatrixTest {

    /** A demo user per role (see DemoData). */
    static final Map<Role, String> USER = Map.ofEntries(
            Map.entry(Role.ADMIN, "admin"), Map.entry(Role.PROJECT_MANAGER, "pm"), Map.entry(Role.INSPECTOR, "inspector"),
            Map.entry(Role.VERIFIER, "verifier"), Map.entry(Role.TECHNICAL_EXPERT, "expert"), Map.entry(Role.REVIEWER, "reviewer"),
            Map.entry(Role.DECISION_MAKER, "decider"), Map.entry(Role.PREPARER, "preparer"),
            Map.entry(Role.COMPETENCE_EVALUATOR, "evaluator"), Map.entry(Role.SCHEME_MANAGER, "schemer"),
            Map.entry(Role.ARCHIVIST, "archivist"), Map.entry(Role.REGULATOR, "regulator"), Map.entry(Role.CLIENT, "client-motor"));

    /** A concrete path for a pattern: every path variable a record that does not exist (or a harmless value). */
    static String concrete(String pattern) {
        return pattern.replace("{code}", "NO-SUCH-SCHEME").replace("{kind}", "acceptance").replace("{item}", "x")
                .replaceAll("\\{[A-Za-z]+\\}", "999999");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    /**
     * Generated from the access table: every endpoint of every action, called by a demo user of every role and
     * anonymously. A role the action lists must get through (to a 404 for the missing record, a 400 for the missing body
     * …); any other role gets 403; an anonymous caller is sent to sign in. Public endpoints answer everybody.
     */
    @Test
    void every_role_gets_exactly_the_endpoints_the_access_table_grants() {
        AccessTable table = new AccessTable();
        List<String> violations = new ArrayList<>();
        int calls = 0;
        for (AccessTable.Endpoint e : table.publicEndpoints()) {
            HttpResponse<String> anonymous = http.send(e.method(), concrete(e.pattern()), null);
            if (refusedAnonymous(anonymous)) {
                violations.add("anonymous " + e + " -> " + anonymous.statusCode() + " (public)");
            }
        }
        for (AccessTable.Action action : table.actions()) {
            for (AccessTable.Endpoint e : action.endpoints()) {
                String path = concrete(e.pattern());
                HttpResponse<String> anonymous = http.send(e.method(), path, null);
                if (!refusedAnonymous(anonymous)) {
                    violations.add("anonymous " + e + " -> " + anonymous.statusCode() + " (should sign in)");
                }
                for (Role role : Role.values()) {
                    HttpResponse<String> r = http.send(e.method(), path, USER.get(role));
                    calls++;
                    boolean refused = r.statusCode() == 403 || r.statusCode() == 401;
                    boolean mayCall = action.allows(Set.of(role));
                    if (mayCall == refused || r.statusCode() >= 500) {
                        violations.add(role + " " + e + " -> " + r.statusCode() + (mayCall ? " (should be allowed)" : " (should be refused)")
                                + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        assertThat(calls).as("calls made").isGreaterThan(1400);
        assertThat(violations).isEmpty();
    }

    /**
     * Issue 8 item 3, generated from the access table: every endpoint called by a user whose roles allow it, with a READ
     * and a WORKFLOW token (the matrix above uses ADMIN tokens). The call is refused with 403 exactly when the token's
     * scope does not cover what the endpoint needs — READ for GET, WORKFLOW for other methods, or the action's
     * {@code tokenScope} — and the API says why ({@code access.token.scope}).
     */
    @Test
    void every_token_scope_gets_exactly_the_endpoints_its_scope_covers() {
        AccessTable table = new AccessTable();
        Map<String, String> token = new HashMap<>();
        List<String> violations = new ArrayList<>();
        int refusals = 0;
        for (AccessTable.Action action : table.actions()) {
            String user = java.util.Arrays.stream(Role.values()).filter(r -> action.allows(Set.of(r))).map(USER::get).findFirst()
                    .orElseThrow();
            for (AccessTable.Endpoint e : action.endpoints()) {
                TokenScope needed = TokenScopePolicy.needed(action, e.method());
                for (TokenScope scope : List.of(TokenScope.READ, TokenScope.WORKFLOW)) {
                    String t = token.computeIfAbsent(user + " " + scope, k -> http.mint(user, scope, 30));
                    HttpResponse<String> r = http.sendWithToken(e.method(), concrete(e.pattern()), t, null, null);
                    boolean shouldRefuse = !scope.covers(needed);
                    boolean refused = r.statusCode() == 403;
                    boolean saysScope = !e.pattern().startsWith("/api/") || r.body().contains("\"access.token.scope\"");
                    if (shouldRefuse != refused || r.statusCode() == 401 || r.statusCode() >= 500 || (refused && !saysScope)) {
                        violations.add(user + " " + scope + " " + e + " -> " + r.statusCode() + " (needs " + needed + ") "
                                + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                    refusals += refused ? 1 : 0;
                }
            }
        }
        // every non-GET endpoint refuses READ tokens and the ADMIN actions' endpoints refuse READ and WORKFLOW tokens:
        // 85 with the table of this commit
        assertThat(refusals).as("scope refusals").isGreaterThanOrEqualTo(85);
        assertThat(violations).isEmpty();
    }

    /** The administration a WORKFLOW token may not do is stated in the table: users, tokens and the calendar. */
    @Test
    void the_access_table_marks_user_token_and_calendar_administration_as_needing_an_admin_token() {
        AccessTable table = new AccessTable();
        assertThat(table.actions().stream().filter(a -> a.tokenScope() == TokenScope.ADMIN).map(AccessTable.Action::id))
                .containsExactlyInAnyOrder("users.admin", "tokens.own", "calendar.edit");
    }

    /** Every endpoint the application maps is in the access table (else it is refused to everybody), and nothing more. */
    @Test
    void the_access_table_lists_every_endpoint_of_the_application() {
        AccessTable table = new AccessTable();
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("cn.cfp")) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> mapped.add(m + " " + pattern));
                }
            }
        });
        Set<String> listed = new TreeSet<>();
        table.actions().forEach(a -> a.endpoints().forEach(e -> listed.add(e.toString())));
        table.publicEndpoints().forEach(e -> listed.add(e.toString()));
        assertThat(listed).as("endpoints in the access table").containsAll(mapped);
        assertThat(mapped).as("endpoints in the app").containsAll(listed);
    }

    @Test
    void a_bad_api_token_is_refused_and_never_falls_back_to_anonymous_access() {
        var r = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> response = http.send("GET", "/api/schemes", null);
        assertThat(response.statusCode()).isEqualTo(401);
        try {
            HttpResponse<String> bad = r.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/schemes"))
                    .header("Authorization", "Bearer cfp_not-a-real-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(401);
            var error = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bad.body()).get("errors").get(0);
            assertThat(error.get("code").asText()).isEqualTo("access.token.invalid");
            assertThat(error.get("message").asText()).isEqualTo("API 令牌无效：没有签发过这个令牌");
            HttpResponse<String> english = r.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/schemes"))
                    .header("Authorization", "Bearer cfp_not-a-real-token").header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(english.statusCode()).isEqualTo(401);
            assertThat(english.body()).contains("no such token was issued");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean refusedAnonymous(HttpResponse<String> r) {
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            return true;
        }
        return r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/login");
    }
}
