package cn.cfp.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.CfpPrincipal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** R-PER-1, R-PER-2, R-PER-4 over the API with the demo users. */
@CfpIntegrationTest
class PersonnelApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    StaffRegistry registry;

    TestHttp http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
    }

    long id(String username) {
        return ((CfpPrincipal) users.loadUserByUsername(username)).id();
    }

    HttpResponse<String> put(String path, String user, String body) {
        return http.send("PUT", path, user, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The refusal's reasons as {@code code@field}. */
    java.util.List<String> errors(HttpResponse<String> r) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : json.readTree(r.body()).get("errors")) {
            out.add(e.get("code").asText() + (e.has("field") ? "@" + e.get("field").asText() : ""));
        }
        return out;
    }

    @Test
    void demo_profiles_give_the_demo_inspector_a_full_time_ccaa_registered_profile() {
        StaffProfile inspector = registry.get(id("inspector"));
        assertThat(inspector.fullTime()).isTrue();
        assertThat(inspector.ccaaRegistrationNo()).isNotBlank();
        assertThat(inspector.competentIn("PV13", CompetenceLevel.EXPERT)).isTrue();
        assertThat(registry.get(id("expert")).technicalExpertOnly()).isTrue();
    }

    @Test
    void an_evaluator_edits_a_profile_and_an_unsupported_level_is_refused_citing_003_12() {
        long preparer = id("preparer");
        HttpResponse<String> refused = put("/api/personnel/" + preparer, "evaluator", "{\"fullTime\":true,\"experienceYears\":3,"
                + "\"qualifications\":[\"CCAA_REGISTERED\"],\"fields\":[{\"field\":\"PV13\",\"level\":\"EXPERT\",\"trained\":true,"
                + "\"examPassed\":true,\"projects\":2}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("personnel.ccaa.numberRequired@ccaaRegistrationNo",
                "personnel.field.expertNeedsProjects@fields");
        assertThat(refused.body()).contains("[003 ¶12]");
        assertThat(registry.get(preparer).fields()).isEmpty();

        HttpResponse<String> saved = put("/api/personnel/" + preparer, "evaluator", "{\"fullTime\":true,\"experienceYears\":3,"
                + "\"qualifications\":[\"CCAA_REGISTERED\"],\"ccaaRegistrationNo\":\"CCAA-T-1\",\"confidentialitySignedOn\":\"2025-03-01\","
                + "\"fields\":[{\"field\":\"PV13\",\"level\":\"EXPERT\",\"trained\":true,\"examPassed\":false,\"projects\":3}]}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(registry.get(preparer).competentIn("PV13", CompetenceLevel.EXPERT)).isTrue();
    }

    @Test
    void every_problem_of_a_profile_is_named_at_its_field_and_a_client_user_has_no_profile() {
        ProfileInput bad = new ProfileInput(true, java.util.Set.of(), "x".repeat(61), java.util.List.of(
                new FieldCompetence("PV13", CompetenceLevel.AWARE, true, false, 0),
                new FieldCompetence("pv13", CompetenceLevel.AWARE, true, false, 0)), 61, java.time.LocalDate.of(2999, 1, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.save("evaluator", id("preparer"), bad))
                .isInstanceOfSatisfying(cn.cfp.shared.Refusal.class, r -> {
                    assertThat(r.reasons()).extracting(x -> x.code() + "@" + x.field()).containsExactly(
                            "personnel.experience.range@experienceYears", "personnel.ccaa.tooLong@ccaaRegistrationNo",
                            "personnel.confidentiality.future@confidentialitySignedOn", "personnel.field.twice@fields");
                    assertThat(cn.cfp.Messages.english(r).get(0)).isEqualTo("Experience must be 0-60 years, got 61");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.save("evaluator", id("client-motor"), null))
                .isInstanceOfSatisfying(cn.cfp.shared.Refusal.class, r -> assertThat(cn.cfp.Messages.codes(r))
                        .containsExactly("personnel.notStaff", "personnel.profile.missing"));
    }

    @Test
    void only_admins_and_evaluators_edit_and_clients_do_not_read() {
        assertThat(put("/api/personnel/" + id("inspector"), "inspector", "{\"fullTime\":false,\"experienceYears\":1}").statusCode()).isEqualTo(403);
        assertThat(http.send("GET", "/api/personnel", "client-motor").statusCode()).isEqualTo(403);
        assertThat(http.send("GET", "/api/personnel", "inspector").statusCode()).isEqualTo(200);
    }

    @Test
    void a_person_declares_their_own_conflict_but_not_someone_elses() {
        long org = ((CfpPrincipal) users.loadUserByUsername("client-furniture")).organisationId();
        assertThat(put("/api/personnel/" + id("verifier") + "/conflicts/" + org, "inspector", "{\"conflicted\":true,\"note\":\"x\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> other = put("/api/personnel/" + id("verifier") + "/conflicts/" + org, "inspector", "{\"conflicted\":true,\"note\":\"x\"}");
        assertThat(errors(other)).containsExactly("personnel.declare.forbidden");
        HttpResponse<String> undecided = put("/api/personnel/" + id("reviewer") + "/conflicts/" + org, "reviewer", "{\"note\":\"x\"}");
        assertThat(undecided.statusCode()).isEqualTo(400);
        assertThat(errors(undecided)).containsExactly("personnel.declare.conflictedRequired@conflicted");
        HttpResponse<String> unexplained = put("/api/personnel/" + id("reviewer") + "/conflicts/" + org, "reviewer",
                "{\"conflicted\":true,\"declaredOn\":\"2999-01-01\"}");
        assertThat(unexplained.statusCode()).isEqualTo(400);
        assertThat(errors(unexplained)).containsExactly("personnel.declare.dateFuture@declaredOn", "personnel.declare.noteRequired@note");
        HttpResponse<String> own = put("/api/personnel/" + id("reviewer") + "/conflicts/" + org, "reviewer",
                "{\"conflicted\":false,\"note\":\"无\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(registry.get(id("reviewer")).conflicts()).anyMatch(c -> c.clientOrgId() == org && !c.conflicted());
    }

    @Test
    void the_staffing_figure_counts_full_time_staff_with_two_years_against_ten_R_PER_4() {
        StaffingFigure f = registry.staffing();
        assertThat(f.required()).isEqualTo(10);
        assertThat(f.cite()).isEqualTo("000 §2.4");
        assertThat(f.names()).contains(registry.get(id("inspector")).name()).doesNotContain(registry.get(id("archivist")).name());
        HttpResponse<String> r = http.send("GET", "/api/personnel/staffing", "admin");
        assertThat(r.body()).contains("\"required\":10");
    }
}
