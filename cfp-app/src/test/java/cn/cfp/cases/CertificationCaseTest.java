package cn.cfp.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.Messages;
import cn.cfp.TestSchemes;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The case aggregate on its own: the route comes from the scheme's flow (one machine for every body's steps), every
 * transition is guarded, an illegal one changes nothing, and the 90-day clock (R-PLAN-5) is derived from the history
 * and stops at the conclusion. Dates are worked by hand in the comments.
 */
class CertificationCaseTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDate D0 = LocalDate.of(2026, 3, 2);
    static final Actor PM = new Actor(7, "pm", "项目经理", Set.of(Role.PROJECT_MANAGER), null);

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
    }

    static CertificationCase open(String scheme, Map<Stage, String> waived) {
        return CertificationCase.open(new CertificationCase.Opening(1, "CFPA-2026-0001", new Parties(11, 11, 12), D0, PM.id(), waived),
                TestSchemes.get(scheme), PM, on(D0));
    }

    @Test
    void each_schemes_route_is_its_flow_mapped_to_the_canonical_stages() {
        assertThat(open("CNCA-CFP-00", Map.of()).route().stages()).containsExactly(Stage.PLANNING, Stage.DOCUMENT_REVIEW,
                Stage.ON_SITE_INSPECTION, Stage.VERIFICATION, Stage.TECHNICAL_REVIEW, Stage.DECISION);
        // CICC's stage 1 / stage 2 and NC closure are steps of the same machine [004 §8–10]
        assertThat(open("CICC-ZY-GZ-20", Map.of()).route().stages()).containsExactly(Stage.PLANNING, Stage.DOCUMENT_REVIEW,
                Stage.PRELIMINARY_EVALUATION, Stage.VERIFICATION, Stage.NC_CLOSURE, Stage.TECHNICAL_REVIEW, Stage.DECISION);
        // CNEX: report, technical review, then the director's approval recorded as the decision [001 §9.1, §9.7–9.8]
        assertThat(open("CNEX-01-G", Map.of()).route().stages()).containsExactly(Stage.PLANNING, Stage.DOCUMENT_REVIEW,
                Stage.ON_SITE_INSPECTION, Stage.VERIFICATION, Stage.REPORT, Stage.TECHNICAL_REVIEW, Stage.DECISION);
        // CGC: verification separate from the initial inspection [003 ¶26]
        assertThat(open("CGC-R52003", Map.of()).route().stages()).containsExactly(Stage.PLANNING, Stage.DOCUMENT_REVIEW,
                Stage.ON_SITE_INSPECTION, Stage.VERIFICATION, Stage.TECHNICAL_REVIEW, Stage.DECISION);
    }

    @Test
    void a_waiver_takes_its_stage_out_of_the_route_instead_of_adding_conditions_R_APP_5() {
        CertificationCase c = open("CGC-R52003", Map.of(Stage.ON_SITE_INSPECTION, "CGC-INS-2026-001 [003 ¶30]"));
        assertThat(c.route().stages()).containsExactly(Stage.PLANNING, Stage.DOCUMENT_REVIEW, Stage.VERIFICATION,
                Stage.TECHNICAL_REVIEW, Stage.DECISION);
        assertThat(c.waived()).containsExactly(Stage.ON_SITE_INSPECTION);
        CertificationCase adopted = open("CGC-R52003", Map.of(Stage.VERIFICATION, "CNAS-V-1 [003 ¶38]"));
        assertThat(adopted.route().contains(Stage.VERIFICATION)).isFalse();
    }

    @Test
    void an_illegal_transition_is_refused_and_changes_nothing() {
        CertificationCase c = open("CNCA-CFP-00", Map.of());
        int entries = c.history().size();
        c.drainEvents();
        assertThatThrownBy(() -> c.complete(Stage.DOCUMENT_REVIEW, PM, null, on(D0))).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(Messages.codes(r)).containsExactly("cases.notAtStage");
            assertThat(Messages.english(r).get(0)).contains("at planning, not at document review");
        });
        assertThatThrownBy(() -> c.conclude(CertificationCase.Outcome.CERTIFIED, null, PM, on(D0)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.codes(r)).containsExactly("cases.notAtStage"));
        assertThatThrownBy(() -> c.complete(Stage.NC_CLOSURE, PM, null, on(D0)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.codes(r)).containsExactly("cases.stageNotInRoute"));
        assertThat(c.history()).hasSize(entries);
        assertThat(c.drainEvents()).isEmpty();
        assertThat(c.currentStages()).containsExactly(Stage.PLANNING);
    }

    @Test
    void stages_of_one_step_worked_together_may_complete_in_any_order_and_each_completion_is_an_event() {
        CertificationCase c = open("CNCA-CFP-00", Map.of());
        c.complete(Stage.PLANNING, PM, "plan sent", on(D0));
        c.complete(Stage.DOCUMENT_REVIEW, PM, "conforms", on(D0));
        // 000 §7.6.1: the verification may come before or with the inspection
        assertThat(c.currentStages()).containsExactly(Stage.ON_SITE_INSPECTION, Stage.VERIFICATION);
        c.complete(Stage.VERIFICATION, PM, null, on(D0));
        assertThat(c.currentStages()).containsExactly(Stage.ON_SITE_INSPECTION);
        c.complete(Stage.ON_SITE_INSPECTION, PM, null, on(D0));
        // evaluation and approval are one after the other [000 §7.7]
        assertThat(c.currentStages()).containsExactly(Stage.TECHNICAL_REVIEW);
        assertThat(c.waitingFor()).containsExactly(Stage.Responsible.REVIEWER);
        assertThat(c.drainEvents()).filteredOn(e -> e instanceof CaseEvents.StageCompleted).hasSize(4);
    }

    @Test
    void the_decision_concludes_the_case_and_stops_the_clock_R_PLAN_5() {
        CertificationCase c = atDecision();
        LocalDate decided = D0.plusDays(60);
        c.conclude(CertificationCase.Outcome.CERTIFIED, null, PM, on(decided));
        assertThat(c.end()).hasValueSatisfying(e -> {
            assertThat(e.outcome()).isEqualTo(CertificationCase.Outcome.CERTIFIED);
            assertThat(e.on()).isEqualTo(decided);
        });
        // 60 days counted at the decision; 100 days later the clock still says 60
        CaseClock later = c.clock(D0.plusDays(160));
        assertThat(later.netDays()).isEqualTo(60);
        assertThat(later.stoppedOn()).isEqualTo(decided);
        assertThat(later.remaining()).isEqualTo(30);
        assertThat(c.currentStages()).isEmpty();
        assertThat(c.waitingFor()).isEmpty();
        assertThatThrownBy(() -> c.pause(decided, "x", PM, on(decided))).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("cases.closed"));
    }

    @Test
    void termination_ends_the_case_with_its_reason_and_stops_the_clock() {
        CertificationCase c = open("CNEX-01-G", Map.of());
        c.terminate("文件评审三次不符合", PM, on(D0.plusDays(40)));
        assertThat(c.end().orElseThrow().outcome()).isEqualTo(CertificationCase.Outcome.TERMINATED);
        assertThat(c.end().orElseThrow().reason()).isEqualTo("文件评审三次不符合");
        assertThat(c.clock(D0.plusDays(300)).netDays()).isEqualTo(40);
        assertThatThrownBy(() -> c.terminate("again", PM, on(D0.plusDays(41)))).isInstanceOf(Refusal.class);
    }

    @Test
    void client_pauses_and_an_agreed_extension_are_facts_of_the_history_and_the_clock_follows_them() {
        CertificationCase c = open("CNCA-CFP-00", Map.of());
        // accepted D0; client pause D0+10 .. D0+25 = 15 days; extension of 20 days agreed on D0+30 [000 §7.3.3 "协商解决"]
        c.pause(D0.plusDays(10), "委托人未及时提交资料", PM, on(D0.plusDays(10)));
        assertThat(c.paused()).isTrue();
        assertThat(c.waitingFor()).containsExactly(Stage.Responsible.CLIENT);
        c.resume(D0.plusDays(25), PM, on(D0.plusDays(25)));
        c.extend(20, "产品碳足迹核查周期较长，经与委托人协商", D0.plusDays(30), PM, on(D0.plusDays(30)));
        CaseClock k = c.clock(D0.plusDays(100));
        // 100 calendar days - 15 paused = 85 net; limit 90 + 20 = 110; 25 left; 85 / 110 = 77 % -> WARN (>= 75 %)
        assertThat(k.calendarDays()).isEqualTo(100);
        assertThat(k.pausedDays()).isEqualTo(15);
        assertThat(k.netDays()).isEqualTo(85);
        assertThat(k.limitDays()).isEqualTo(110);
        assertThat(k.baseLimitDays()).isEqualTo(90);
        assertThat(k.remaining()).isEqualTo(25);
        assertThat(k.level()).isEqualTo(CaseClock.Level.WARN);
        assertThat(k.extensions()).singleElement().satisfies(x -> assertThat(x.reason()).contains("协商"));
    }

    @Test
    void an_extension_needs_its_reason_and_a_sensible_length_and_a_pause_its_client_cause() {
        CertificationCase c = open("CNCA-CFP-00", Map.of());
        assertThatThrownBy(() -> c.extend(0, " ", D0.minusDays(1), PM, on(D0))).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("cases.extension.days", "cases.extension.reasonRequired",
                        "cases.extension.dateInvalid"));
        assertThatThrownBy(() -> c.pause(D0.plusDays(1), "", PM, on(D0))).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("cases.pause.reasonRequired", "cases.pause.fromInvalid"));
        c.pause(D0, "未缴费", PM, on(D0));
        assertThatThrownBy(() -> c.pause(D0, "again", PM, on(D0))).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("cases.pause.already"));
    }

    @Test
    void a_pause_still_open_at_the_end_counts_only_up_to_the_end() {
        CertificationCase c = open("CEC-FURNITURE", Map.of());
        c.pause(D0.plusDays(20), "委托人推迟现场检查", PM, on(D0.plusDays(20)));
        c.terminate("委托人撤回", PM, on(D0.plusDays(30)));
        CaseClock k = c.clock(D0.plusDays(90));
        assertThat(k.calendarDays()).isEqualTo(30);
        assertThat(k.pausedDays()).isEqualTo(10);
        assertThat(k.netDays()).isEqualTo(20);
    }

    @Test
    void the_team_and_the_manager_are_derived_from_the_history() {
        CertificationCase c = open("CNCA-CFP-00", Map.of());
        assertThat(c.isManager(7)).isTrue();
        c.assignTeam(List.of(new TeamMember(21, "LEADER"), new TeamMember(22, "VERIFIER")), PM, on(D0));
        c.assignTeam(List.of(new TeamMember(21, "LEADER"), new TeamMember(23, "VERIFIER")), PM, on(D0));
        assertThat(c.isTeamMember(22)).isFalse();
        assertThat(c.isTeamMember(23)).isTrue();
        c.assignManager(8, PM, on(D0));
        assertThat(c.isManager(7)).isFalse();
        assertThat(c.isManager(8)).isTrue();
    }

    private CertificationCase atDecision() {
        CertificationCase c = open("CNCA-CFP-00", Map.of());
        for (Stage s : List.of(Stage.PLANNING, Stage.DOCUMENT_REVIEW, Stage.ON_SITE_INSPECTION, Stage.VERIFICATION, Stage.TECHNICAL_REVIEW)) {
            c.complete(s, PM, null, on(D0));
        }
        assertThat(c.currentStages()).containsExactly(Stage.DECISION);
        return c;
    }
}
