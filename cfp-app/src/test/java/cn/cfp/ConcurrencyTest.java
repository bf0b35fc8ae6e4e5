package cn.cfp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.access.ApiTokens;
import cn.cfp.application.Applications;
import cn.cfp.application.DocumentReviews;
import cn.cfp.cases.Cases;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.PlanStatus;
import cn.cfp.planning.Plans;
import cn.cfp.planning.TeamRole;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two people acting at once never both win: every transition is refused for the one who comes second (409 with words),
 * nothing is half-written, and numbers are never handed out twice. Requests go over real HTTP from several threads that
 * start at the same instant.
 */
@CfpIntegrationTest
class ConcurrencyTest {

    static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Applications applications;
    @Autowired
    Cases cases;
    @Autowired
    Plans plans;
    @Autowired
    DocumentReviews reviews;
    @Autowired
    cn.cfp.scheme.SchemeCatalog schemes;
    @Autowired
    java.time.Clock clock;

    TestHttp http;
    CaseFixture fx;
    ExecutorService pool;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
        pool = Executors.newFixedThreadPool(16);
        List.of("pm", "inspector", "verifier", "client-motor").forEach(http::tokenOf); // tokens made before the threads start
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** Runs the calls at the same instant and returns their responses. */
    List<HttpResponse<String>> atOnce(List<Callable<HttpResponse<String>>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (Callable<HttpResponse<String>> c : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return c.call();
            }));
        }
        start.countDown();
        List<HttpResponse<String>> out = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    HttpResponse<String> post(String path, String user, Object body) {
        return http.send("POST", path, user, JSON, body == null ? null : json.writeValueAsBytes(body));
    }

    static long count(List<HttpResponse<String>> rs, int status) {
        return rs.stream().filter(r -> r.statusCode() == status).count();
    }

    Map<String, Object> acceptance() {
        return Map.of("contractReview", List.of(cn.cfp.application.ContractReview.values()), "contractSignedOn",
                LocalDate.now(clock).toString(), "fee", "人民币 30,000 元");
    }

    @Test
    void accepting_and_refusing_the_same_application_at_once_one_wins_the_other_is_told_why() throws Exception {
        for (int round = 0; round < 4; round++) {
            long id = fx.submitted("client-motor", "CNCA-CFP-00", "PV13", 100, null);
            List<HttpResponse<String>> rs = atOnce(List.of(
                    () -> post("/api/applications/" + id + "/accept", "pm", acceptance()),
                    () -> post("/api/applications/" + id + "/refuse", "pm", Map.of("reasons", "资料不全")),
                    () -> post("/api/applications/" + id + "/accept", "pm", acceptance())));
            assertThat(count(rs, 200)).as(bodies(rs)).isEqualTo(1);
            assertThat(count(rs, 409)).as(bodies(rs)).isEqualTo(2);
            String status = applications.get(id).status().name();
            // exactly one outcome, and the case exists if and only if it was accepted
            assertThat(status).isIn("ACCEPTED", "REFUSED");
            assertThat(cases.ofApplication(id).isPresent()).isEqualTo(status.equals("ACCEPTED"));
        }
    }

    @Test
    void four_document_reviews_at_once_record_one_round_never_a_duplicate_round() throws Exception {
        long id = fx.accepted("client-motor", "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        plans.proposeTeam(fx.who("pm"), id, "EXPLOSION_PROOF", List.of(new MemberInput(fx.userId("inspector"), TeamRole.LEADER),
                new MemberInput(fx.userId("verifier"), TeamRole.VERIFIER)));
        cases.complete(id, cn.cfp.scheme.Stage.PLANNING, fx.who("pm"), "test: planning done");
        String item = schemes.get("CNEX-01-G").documentChecklist().value().items().get(0).id();
        Map<String, Object> failed = Map.of("conclusion", "DOES_NOT_CONFORM", "findings", "数据不完整",
                "requests", Map.of(item, "请补充完整数据"));
        List<HttpResponse<String>> rs = atOnce(List.of(
                () -> post("/api/applications/" + id + "/document-review", "pm", failed),
                () -> post("/api/applications/" + id + "/document-review", "inspector", failed),
                () -> post("/api/applications/" + id + "/document-review", "verifier", failed),
                () -> post("/api/applications/" + id + "/document-review", "pm", failed)));
        assertThat(count(rs, 200) + count(rs, 409)).as(bodies(rs)).isEqualTo(4);
        assertThat(count(rs, 200)).as(bodies(rs)).isGreaterThanOrEqualTo(1);
        List<Integer> rounds = reviews.of(id).stream().map(DocumentReviews.Review::round).toList();
        assertThat(rounds).as("rounds recorded").hasSize((int) count(rs, 200)).doesNotHaveDuplicates();
        assertThat(rounds).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, rounds.size()).boxed().toList());
    }

    @Test
    void sixteen_applications_created_at_once_get_sixteen_different_references() throws Exception {
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> post("/api/applications", "client-motor", Map.of("scheme", "CNCA-CFP-00", "form", Map.of())));
        }
        List<HttpResponse<String>> rs = atOnce(calls);
        assertThat(count(rs, 201)).as(bodies(rs)).isEqualTo(16);
        Set<String> refs = new HashSet<>();
        rs.forEach(r -> refs.add(json.readTree(r.body()).get("reference").asString()));
        assertThat(refs).hasSize(16).allMatch(r -> r.matches("CFPA-\\d{4}-\\d{4,}"));
    }

    @Test
    void two_approvals_of_one_plan_at_once_approve_it_once() throws Exception {
        long id = fx.accepted("client-motor", "CGC-R52003", "PV13", 150, null);
        plans.proposeTeam(fx.who("pm"), id, "PV13", List.of(new MemberInput(fx.userId("inspector"), TeamRole.LEADER),
                new MemberInput(fx.userId("inspector2"), TeamRole.INSPECTOR)));
        plans.setInspectionScheme(fx.who("pm"), id, cn.cfp.planning.PlansWorkflowTestSupport.scheme(LocalDate.now(clock).plusDays(14)));
        plans.setVerificationPlan(fx.who("pm"), id, cn.cfp.planning.PlansWorkflowTestSupport.verification());
        List<HttpResponse<String>> rs = atOnce(List.of(
                () -> post("/api/planning/" + id + "/approval", "pm", null),
                () -> post("/api/planning/" + id + "/approval", "pm", null)));
        assertThat(count(rs, 200)).as(bodies(rs)).isEqualTo(1);
        assertThat(count(rs, 409)).as(bodies(rs)).isEqualTo(1);
        assertThat(plans.forApplication(id).orElseThrow().status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void two_hundred_api_reads_at_once_all_succeed_none_holds_a_second_pooled_connection() throws Exception {
        // issue 7 item 9: nested queries once held two of the ten pooled connections per request and 37-70 % of 200
        // concurrent reads failed with 500; the load figures themselves are measured with tools/load (docs/performance.md)
        List<Long> ids = new ArrayList<>();
        for (String scheme : List.of("CNCA-CFP-00", "CNEX-01-G", "CGC-R52003")) {
            ids.add(fx.accepted("client-motor", scheme, "PV13", 150, null));
        }
        List<String> paths = new ArrayList<>(List.of("/api/applications", "/api/planning", "/api/dashboard/clocks"));
        for (long id : ids) {
            paths.addAll(List.of("/api/applications/" + id, "/api/applications/" + id + "/clock", "/api/cases/" + id,
                    "/api/planning/" + id));
        }
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = paths.get(i % paths.size());
            calls.add(() -> http.send("GET", path, "pm"));
        }
        ExecutorService wide = Executors.newFixedThreadPool(200);
        ExecutorService narrow = pool;
        pool = wide;
        try {
            List<HttpResponse<String>> rs = atOnce(calls);
            assertThat(count(rs, 200)).as(bodies(rs.stream().filter(r -> r.statusCode() != 200).toList())).isEqualTo(200);
        } finally {
            pool = narrow;
            wide.shutdownNow();
        }
    }

    static String bodies(List<HttpResponse<String>> rs) {
        StringBuilder b = new StringBuilder();
        rs.forEach(r -> b.append(r.statusCode()).append(' ').append(r.body(), 0, Math.min(300, r.body().length())).append('\n'));
        return b.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
