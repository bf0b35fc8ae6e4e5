package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The role x endpoint matrix: every endpoint of the application, called over real HTTP by a demo
 * user of every role and anonymously. Each refusal must be a refusal (401/403 or a redirect to the
 * login page) and each permission must get through security. A second test proves the matrix
 * lists every endpoint, so a new endpoint cannot be added without stating who may call it.
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

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    static final Set<Role> AUDIT = EnumSet.of(Role.ADMIN, Role.ARCHIVIST);
    static final Set<Role> EVIDENCE = EnumSet.complementOf(EnumSet.of(Role.REGULATOR));
    static final Set<Role> CASE = EVIDENCE;
    static final Set<Role> STAFF = EnumSet.copyOf(Role.STAFF);
    static final Set<Role> CLIENT = EnumSet.of(Role.CLIENT);
    static final Set<Role> PM = EnumSet.of(Role.PROJECT_MANAGER, Role.ADMIN);
    static final Set<Role> PM_ONLY = EnumSet.of(Role.PROJECT_MANAGER);
    static final Set<Role> PLAN_WRITERS = EnumSet.of(Role.PROJECT_MANAGER, Role.ADMIN, Role.INSPECTOR, Role.VERIFIER);
    static final Set<Role> PROFILE_EDITORS = EnumSet.of(Role.ADMIN, Role.COMPETENCE_EVALUATOR);
    static final Set<Role> DOC_REVIEW = EnumSet.of(Role.PROJECT_MANAGER, Role.INSPECTOR, Role.VERIFIER);

    /** method, mapping pattern, a concrete path to call, who may call it. Requests carry no body, so permitted state-changing calls fail validation and change nothing. */
    record Endpoint(String method, String pattern, String path, Set<Role> allowed) {
    }

    static final List<Endpoint> MATRIX = List.of(
            new Endpoint("GET", "/login", "/login", null),
            new Endpoint("GET", "/", "/", ALL),
            new Endpoint("GET", "/mywork", "/mywork", ALL),
            new Endpoint("GET", "/schemes", "/schemes", ALL),
            new Endpoint("GET", "/schemes/{code}", "/schemes/NO-SUCH-SCHEME", ALL),
            new Endpoint("GET", "/api/schemes", "/api/schemes", ALL),
            new Endpoint("GET", "/api/schemes/{code}", "/api/schemes/NO-SUCH-SCHEME", ALL),
            new Endpoint("GET", "/calendar", "/calendar", ALL),
            new Endpoint("GET", "/api/calendar/working-days", "/api/calendar/working-days?from=2026-09-30&days=3", ALL),
            new Endpoint("POST", "/calendar/day", "/calendar/day", ADMIN),
            new Endpoint("POST", "/calendar/day/remove", "/calendar/day/remove", ADMIN),
            new Endpoint("POST", "/calendar/year", "/calendar/year", ADMIN),
            new Endpoint("GET", "/tokens", "/tokens", ALL),
            new Endpoint("POST", "/tokens", "/tokens", ALL),
            new Endpoint("POST", "/tokens/{id}/revoke", "/tokens/999999/revoke", ALL),
            new Endpoint("GET", "/admin/users", "/admin/users", ADMIN),
            new Endpoint("POST", "/admin/users", "/admin/users", ADMIN),
            new Endpoint("POST", "/admin/users/{id}", "/admin/users/999999", ADMIN),
            new Endpoint("POST", "/admin/organisations", "/admin/organisations", ADMIN),
            new Endpoint("POST", "/admin/users/{id}/unlock", "/admin/users/999999/unlock", ADMIN),
            new Endpoint("GET", "/admin/audit", "/admin/audit", AUDIT),
            new Endpoint("POST", "/admin/audit/verify", "/admin/audit/verify", AUDIT),
            new Endpoint("GET", "/api/audit/verify", "/api/audit/verify", AUDIT),
            new Endpoint("GET", "/evidence", "/evidence", EVIDENCE),
            new Endpoint("POST", "/evidence", "/evidence", EVIDENCE),
            new Endpoint("GET", "/api/evidence", "/api/evidence", EVIDENCE),
            new Endpoint("POST", "/api/evidence", "/api/evidence", EVIDENCE),
            new Endpoint("GET", "/evidence/{id}/content", "/evidence/999999/content", EVIDENCE),
            new Endpoint("GET", "/api/evidence/{id}/content", "/api/evidence/999999/content", EVIDENCE),
            // client parties
            new Endpoint("GET", "/portal", "/portal", CLIENT),
            new Endpoint("POST", "/portal/parties", "/portal/parties", CLIENT),
            new Endpoint("POST", "/portal/sites", "/portal/sites", CLIENT),
            new Endpoint("GET", "/api/parties", "/api/parties", CLIENT),
            new Endpoint("POST", "/api/parties", "/api/parties", CLIENT),
            new Endpoint("POST", "/api/parties/{orgId}/sites", "/api/parties/999999/sites", CLIENT),
            // applications: pages
            new Endpoint("GET", "/applications", "/applications", CASE),
            new Endpoint("POST", "/applications", "/applications", CLIENT),
            new Endpoint("GET", "/applications/{id}", "/applications/999999", CASE),
            new Endpoint("POST", "/applications/{id}/products", "/applications/999999/products", CLIENT),
            new Endpoint("POST", "/applications/{id}/products/{productId}/remove", "/applications/999999/products/1/remove", CLIENT),
            new Endpoint("POST", "/applications/{id}/documents/{item}", "/applications/999999/documents/x", CLIENT),
            new Endpoint("POST", "/applications/{id}/documents/{item}/answer", "/applications/999999/documents/x/answer", CLIENT),
            new Endpoint("POST", "/applications/{id}/eligibility", "/applications/999999/eligibility", CLIENT),
            new Endpoint("POST", "/applications/{id}/submit", "/applications/999999/submit", CLIENT),
            new Endpoint("POST", "/applications/{id}/form", "/applications/999999/form", CLIENT),
            new Endpoint("POST", "/api/applications/{id}/form", "/api/applications/999999/form", CLIENT),
            new Endpoint("POST", "/applications/{id}/supplement", "/applications/999999/supplement", PM),
            new Endpoint("POST", "/applications/{id}/accept", "/applications/999999/accept", PM),
            new Endpoint("POST", "/applications/{id}/refuse", "/applications/999999/refuse", PM),
            new Endpoint("POST", "/applications/{id}/terminate", "/applications/999999/terminate", PM),
            new Endpoint("POST", "/applications/{id}/units", "/applications/999999/units", PM),
            new Endpoint("POST", "/applications/{id}/clock/pause", "/applications/999999/clock/pause", PM),
            new Endpoint("POST", "/applications/{id}/clock/resume", "/applications/999999/clock/resume", PM),
            new Endpoint("POST", "/applications/{id}/document-review", "/applications/999999/document-review", DOC_REVIEW),
            new Endpoint("GET", "/applications/{id}/notices/{kind}.pdf", "/applications/999999/notices/acceptance.pdf", CASE),
            new Endpoint("GET", "/dashboard", "/dashboard", STAFF),
            // personnel (R-PER)
            new Endpoint("GET", "/personnel", "/personnel", STAFF),
            new Endpoint("GET", "/personnel/{userId}", "/personnel/999999", STAFF),
            new Endpoint("POST", "/personnel/{userId}", "/personnel/999999", PROFILE_EDITORS),
            new Endpoint("POST", "/personnel/{userId}/conflicts", "/personnel/999999/conflicts", STAFF),
            new Endpoint("GET", "/api/personnel", "/api/personnel", STAFF),
            new Endpoint("GET", "/api/personnel/staffing", "/api/personnel/staffing", STAFF),
            new Endpoint("GET", "/api/personnel/{userId}", "/api/personnel/999999", STAFF),
            new Endpoint("PUT", "/api/personnel/{userId}", "/api/personnel/999999", PROFILE_EDITORS),
            new Endpoint("PUT", "/api/personnel/{userId}/conflicts/{organisationId}", "/api/personnel/999999/conflicts/1", STAFF),
            // planning (R-PLAN)
            new Endpoint("GET", "/planning", "/planning", CASE),
            new Endpoint("GET", "/planning/{applicationId}", "/planning/999999", CASE),
            new Endpoint("POST", "/planning/{applicationId}/start", "/planning/999999/start", PM),
            new Endpoint("POST", "/planning/{applicationId}/team", "/planning/999999/team", PM),
            new Endpoint("POST", "/planning/{applicationId}/objections", "/planning/999999/objections", CLIENT),
            new Endpoint("POST", "/planning/{applicationId}/objections/{objectionId}/resolution", "/planning/999999/objections/1/resolution", PM),
            new Endpoint("POST", "/planning/{applicationId}/man-days", "/planning/999999/man-days", PM),
            new Endpoint("POST", "/planning/{applicationId}/inspection-scheme", "/planning/999999/inspection-scheme", PLAN_WRITERS),
            new Endpoint("POST", "/planning/{applicationId}/verification-plan", "/planning/999999/verification-plan", PLAN_WRITERS),
            new Endpoint("POST", "/planning/{applicationId}/approval", "/planning/999999/approval", PM_ONLY),
            new Endpoint("POST", "/planning/{applicationId}/sending", "/planning/999999/sending", PM),
            new Endpoint("GET", "/planning/{applicationId}/notices/{kind}.pdf", "/planning/999999/notices/team.pdf", CASE),
            new Endpoint("GET", "/api/planning/{applicationId}/notices/{kind}.pdf", "/api/planning/999999/notices/team.pdf", CASE),
            new Endpoint("GET", "/api/planning", "/api/planning", STAFF),
            new Endpoint("GET", "/api/planning/{applicationId}", "/api/planning/999999", CASE),
            new Endpoint("POST", "/api/planning/{applicationId}", "/api/planning/999999", PM),
            new Endpoint("GET", "/api/planning/{applicationId}/candidates", "/api/planning/999999/candidates", STAFF),
            new Endpoint("POST", "/api/planning/{applicationId}/team/check", "/api/planning/999999/team/check", STAFF),
            new Endpoint("PUT", "/api/planning/{applicationId}/team", "/api/planning/999999/team", PM),
            new Endpoint("POST", "/api/planning/{applicationId}/objections", "/api/planning/999999/objections", CLIENT),
            new Endpoint("POST", "/api/planning/{applicationId}/objections/{objectionId}/resolution", "/api/planning/999999/objections/1/resolution", PM),
            new Endpoint("PUT", "/api/planning/{applicationId}/man-days", "/api/planning/999999/man-days", PM),
            new Endpoint("PUT", "/api/planning/{applicationId}/inspection-scheme", "/api/planning/999999/inspection-scheme", PLAN_WRITERS),
            new Endpoint("PUT", "/api/planning/{applicationId}/verification-plan", "/api/planning/999999/verification-plan", PLAN_WRITERS),
            new Endpoint("POST", "/api/planning/{applicationId}/approval", "/api/planning/999999/approval", PM_ONLY),
            new Endpoint("POST", "/api/planning/{applicationId}/sending", "/api/planning/999999/sending", PM),
            // applications: API
            new Endpoint("GET", "/api/applications", "/api/applications", CASE),
            new Endpoint("POST", "/api/applications", "/api/applications", CLIENT),
            new Endpoint("GET", "/api/applications/{id}", "/api/applications/999999", CASE),
            new Endpoint("POST", "/api/applications/{id}/products", "/api/applications/999999/products", CLIENT),
            new Endpoint("POST", "/api/applications/{id}/documents/{item}", "/api/applications/999999/documents/x", CLIENT),
            new Endpoint("POST", "/api/applications/{id}/documents/{item}/answer", "/api/applications/999999/documents/x/answer", CLIENT),
            new Endpoint("POST", "/api/applications/{id}/eligibility", "/api/applications/999999/eligibility", CLIENT),
            new Endpoint("POST", "/api/applications/{id}/submit", "/api/applications/999999/submit", CLIENT),
            new Endpoint("POST", "/api/applications/{id}/supplement", "/api/applications/999999/supplement", PM),
            new Endpoint("POST", "/api/applications/{id}/accept", "/api/applications/999999/accept", PM),
            new Endpoint("POST", "/api/applications/{id}/refuse", "/api/applications/999999/refuse", PM),
            new Endpoint("POST", "/api/applications/{id}/terminate", "/api/applications/999999/terminate", PM),
            new Endpoint("POST", "/api/revocations", "/api/revocations", PM),
            new Endpoint("GET", "/api/applications/{id}/units/proposal", "/api/applications/999999/units/proposal", CASE),
            new Endpoint("POST", "/api/applications/{id}/units", "/api/applications/999999/units", PM),
            new Endpoint("GET", "/api/applications/{id}/clock", "/api/applications/999999/clock", CASE),
            new Endpoint("POST", "/api/applications/{id}/clock/pause", "/api/applications/999999/clock/pause", PM),
            new Endpoint("POST", "/api/applications/{id}/clock/resume", "/api/applications/999999/clock/resume", PM),
            new Endpoint("GET", "/api/dashboard/clocks", "/api/dashboard/clocks", STAFF),
            new Endpoint("POST", "/api/applications/{id}/document-review", "/api/applications/999999/document-review", DOC_REVIEW),
            new Endpoint("GET", "/api/applications/{id}/document-review", "/api/applications/999999/document-review", CASE),
            new Endpoint("GET", "/api/applications/{id}/notices/{kind}.pdf", "/api/applications/999999/notices/acceptance.pdf", CASE));

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

    @Test
    void every_role_gets_exactly_the_endpoints_the_security_table_grants() {
        List<String> violations = new ArrayList<>();
        for (Endpoint e : MATRIX) {
            HttpResponse<String> anonymous = http.send(e.method(), e.path(), null);
            boolean anonymousRefused = refusedAnonymous(anonymous);
            if (e.allowed() == null ? anonymousRefused : !anonymousRefused) {
                violations.add("anonymous " + e.method() + " " + e.path() + " -> " + anonymous.statusCode());
            }
            for (Role role : Role.values()) {
                HttpResponse<String> r = http.send(e.method(), e.path(), USER.get(role));
                boolean refused = r.statusCode() == 403 || r.statusCode() == 401;
                boolean mayCall = e.allowed() == null || e.allowed().contains(role);
                if (mayCall == refused) {
                    violations.add(role + " " + e.method() + " " + e.path() + " -> " + r.statusCode()
                            + (mayCall ? " (should be allowed)" : " (should be refused)"));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void the_matrix_lists_every_endpoint_of_the_application() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("cn.cfp")) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> mapped.add(m + " " + pattern));
                }
            }
        });
        Set<String> listed = MATRIX.stream().map(e -> e.method() + " " + e.pattern()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).as("endpoints in the matrix").containsAll(mapped);
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
            assertThat(bad.body()).contains("unknown, revoked");
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
