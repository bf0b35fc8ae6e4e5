package cn.cfp.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.TestHttp;
import cn.cfp.access.ApiTokens;
import cn.cfp.access.Relation;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.Plans;
import cn.cfp.planning.TeamRole;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Record-level access (R-PER-2, issue "access stated once"): every case-scoped endpoint of the access table, called with
 * a real case by a client of another company, by staff who hold no role on the case (another project manager, an
 * inspector outside the team) and by a team member who declared a conflict of interest with the client — each is
 * refused, whatever the role's general rights.
 */
@CfpIntegrationTest
class RecordAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ApplicationContext context;
    @Autowired
    Plans plans;
    @Autowired
    StaffRegistry staff;
    @Autowired
    UserDirectory directory;

    TestHttp http;
    CaseFixture fx;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, users, tokens);
        fx = new CaseFixture(context);
    }

    /** A case of client-motor at its planning stage with the team: inspector (leader), verifier. */
    long caseWithTeam() {
        long id = fx.accepted("client-motor", "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        plans.proposeTeam(fx.who("pm"), id, "EXPLOSION_PROOF", List.of(new MemberInput(fx.userId("inspector"), TeamRole.LEADER),
                new MemberInput(fx.userId("verifier"), TeamRole.VERIFIER)));
        return id;
    }

    /** Calls every endpoint of every action about an application whose relations {@code who} lacks; returns those not refused. */
    List<String> notRefused(long caseId, String who, Set<Relation> held, Set<Role> roles) {
        AccessTable table = new AccessTable();
        List<String> through = new ArrayList<>();
        int calls = 0;
        for (AccessTable.Action a : table.actions()) {
            if (a.record() == null || !a.record().kind().equals("application") || !a.allows(roles)
                    || a.record().relations().stream().anyMatch(held::contains)) {
                continue;
            }
            for (AccessTable.Endpoint e : a.endpoints()) {
                String path = AccessMatrixTest.concrete(e.pattern().replace("{" + a.record().param() + "}", String.valueOf(caseId)));
                HttpResponse<String> r = http.send(e.method(), path, who);
                calls++;
                if (r.statusCode() != 403 && r.statusCode() != 404) {
                    through.add(who + " " + e + " -> " + r.statusCode());
                }
            }
        }
        assertThat(calls).as("case-scoped endpoints called by " + who).isPositive();
        return through;
    }

    @Test
    void a_client_of_another_company_reaches_nothing_of_the_case() {
        long id = caseWithTeam();
        assertThat(notRefused(id, "client-furniture", Set.of(), Set.of(Role.CLIENT))).isEmpty();
        assertThat(http.send("GET", "/api/applications/" + id, "client-furniture").statusCode()).isEqualTo(404);
    }

    @Test
    void staff_without_a_role_on_the_case_cannot_act_on_it() {
        long id = caseWithTeam();
        // an inspector outside the team may read (STAFF) but neither review documents nor write the plan
        assertThat(notRefused(id, "inspector2", Set.of(Relation.STAFF), Set.of(Role.INSPECTOR))).isEmpty();
        // another project manager is not the case's project manager
        String pm2 = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        directory.create("admin", pm2, "项目经理 二", "cfp-demo-2026", Set.of(Role.PROJECT_MANAGER), null);
        assertThat(notRefused(id, pm2, Set.of(Relation.STAFF), Set.of(Role.PROJECT_MANAGER))).isEmpty();
        HttpResponse<String> r = http.send("POST", "/api/planning/" + id + "/approval", pm2);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("access.notCaseManager");
    }

    @Test
    void a_team_member_who_declared_a_conflict_with_the_client_is_refused_even_reading_R_PER_2() {
        long id = caseWithTeam();
        long org = fx.clientOrg("client-motor");
        long verifier = fx.userId("verifier");
        staff.declare(fx.who("verifier"), verifier, org, true, "亲属在该公司任职", null);
        try {
            assertThat(notRefused(id, "verifier", Set.of(), Set.of(Role.VERIFIER))).isEmpty();
            HttpResponse<String> read = http.send("GET", "/api/applications/" + id, "verifier");
            assertThat(read.statusCode()).isEqualTo(403);
            assertThat(read.body()).contains("access.conflicted");
        } finally {
            staff.declare(fx.who("admin"), verifier, org, false, null, null);
        }
        assertThat(http.send("GET", "/api/applications/" + id, "verifier").statusCode()).isEqualTo(200);
    }
}
