package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.access.Actor;
import cn.cfp.audit.AuditRecord;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.shared.Refusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The planning workflow through the service (R-PLAN-1..4, R-PLAN-6, R-PER-2, R-PER-3), on the test database. */
@CfpIntegrationTest
class PlansWorkflowTest {

    @Autowired
    Plans plans;
    @Autowired
    StaffRegistry staff;
    @Autowired
    AuditTrail audit;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    Clock clock;
    @Autowired
    cn.cfp.application.Applications applications;
    @Autowired
    cn.cfp.cases.Cases cases;

    PlanningFixture fx;

    @BeforeEach
    void setUp() {
        fx = new PlanningFixture(context);
    }

    static InspectionScheme scheme(LocalDate visit) {
        return new InspectionScheme("产品碳足迹标识认证（初次）", "隔爆型三相异步电动机 YBX4 系列 一个单元", "防爆电机",
                "从摇篮到大门", "1 台电动机", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                "CNEX-01-G:2026; GB/T 24067-2024", "企业保证能力检查及产品一致性检查", "按附件 III 核查策划要求",
                "文件评审 2 周；现场 2 天", visit);
    }

    static VerificationPlan verification() {
        return new VerificationPlan("产品用途、工艺、报告期 2025 年", Complexity.UNCLEAR, "BOM 未完全提供",
                Arrays.stream(RiskFactor.values()).map(f -> new RiskAssessment(f, RiskRating.MEDIUM, "见信息分析")).toList(),
                AssuranceLevel.LIMITED, new BigDecimal("5"), "按排放源重要性抽样", "现场查阅电表、台账", "第一天数据核查，第二天现场走访");
    }

    List<MemberInput> team(Object... userAndRole) {
        List<MemberInput> out = new java.util.ArrayList<>();
        for (int i = 0; i < userAndRole.length; i += 2) {
            out.add(new MemberInput(fx.userId((String) userAndRole[i]), (TeamRole) userAndRole[i + 1]));
        }
        return out;
    }

    @Test
    void a_cnex_plan_goes_from_draft_to_sent_with_an_objection_resolved_and_every_step_audited() {
        long app = fx.application("client-motor", "CNEX-01-G", "ACCEPTED", "EXPLOSION_PROOF", 120, null);
        Actor pm = fx.who("pm");
        Actor client = fx.who("client-motor");

        PlanView v = fx.plan(app);
        assertThat(v.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(v.field()).isEqualTo("EXPLOSION_PROOF");
        // CNEX per site: 0.5 + 2 + 2 [001 §9.3.1]
        assertThat(v.manDays().total()).isEqualByComparingTo("4.5");

        v = plans.proposeTeam(pm, app, null, team("inspector", TeamRole.LEADER, "verifier", TeamRole.VERIFIER, "expert", TeamRole.TECHNICAL_EXPERT));
        assertThat(v.status()).isEqualTo(PlanStatus.TEAM_PROPOSED);
        assertThat(v.teamVerdict().allowed()).isTrue();

        // the client sees names and roles, not the internal assessments [000 Annex 2 §4.2 note]
        PlanView seen = plans.view(client, app);
        assertThat(seen.team()).extracting(PlanView.Member::role).containsExactly(TeamRole.LEADER, TeamRole.VERIFIER, TeamRole.TECHNICAL_EXPERT);
        assertThat(seen.manDays()).isNull();
        assertThat(seen.verificationPlan()).isNull();

        v = plans.object(client, app, fx.userId("verifier"), "该核查员曾为我司竞争对手提供咨询");
        assertThat(v.status()).isEqualTo(PlanStatus.OBJECTED);
        assertThatThrownBy(() -> plans.approve(pm, app)).isInstanceOf(Refusal.class).hasMessageContaining("OBJECTED");

        long objection = plans.forApplication(app).orElseThrow().objections().get(0).id();
        v = plans.resolveObjection(pm, app, objection, "REPLACE", "更换核查员", null,
                team("inspector", TeamRole.LEADER, "inspector2", TeamRole.VERIFIER, "expert", TeamRole.TECHNICAL_EXPERT));
        assertThat(v.status()).isEqualTo(PlanStatus.TEAM_PROPOSED);
        assertThat(v.objections()).singleElement().extracting(PlanView.Objection::resolution).isEqualTo("REPLACE");

        String site = v.manDays().lines().get(0).scopeKey();
        v = plans.setManDays(pm, app, List.of(new ManDayOverride(site, ManDayActivity.ON_SITE_VERIFICATION, new BigDecimal("3"), "数据系统复杂")));
        assertThat(v.manDays().total()).isEqualByComparingTo("5.5");

        LocalDate visit = calendar.plusWorkingDays(LocalDate.now(clock), 5).date();
        v = plans.setInspectionScheme(fx.who("inspector"), app, scheme(visit)); // a team member writes the scheme
        v = plans.setVerificationPlan(fx.who("inspector2"), app, verification());
        assertThat(v.verificationPlan().effectiveComplexity()).isEqualTo(Complexity.HIGH); // unclear → high [003 ¶40]
        assertThat(v.noticeDeadline()).isBefore(visit);

        // a team member cannot approve its own plan (and the access table lets only the case's project manager try)
        assertThatThrownBy(() -> plans.approve(fx.who("inspector"), app)).isInstanceOf(Refusal.class)
                .hasMessageContaining("planning.approve.inTeam");
        v = plans.approve(pm, app);
        assertThat(v.status()).isEqualTo(PlanStatus.APPROVED);
        v = plans.send(pm, app);
        assertThat(v.status()).isEqualTo(PlanStatus.SENT);
        assertThat(plans.forApplication(app).orElseThrow().visitDate()).isEqualTo(visit);

        String ref = v.applicationReference();
        assertThat(audit.forTarget("plan:" + ref)).extracting(AuditRecord::action).containsExactly(
                "PLAN_STARTED", "PLAN_TEAM_PROPOSED", "PLAN_TEAM_OBJECTED", "PLAN_OBJECTION_RESOLVED", "PLAN_MAN_DAYS_SET",
                "PLAN_INSPECTION_SCHEME_SET", "PLAN_VERIFICATION_PLAN_SET", "PLAN_APPROVED", "PLAN_SENT");
        // a sent plan is frozen: sending completed the case's planning stage, the case moved on to its document review
        assertThatThrownBy(() -> plans.setManDays(pm, app, List.of())).isInstanceOf(Refusal.class).hasMessageContaining("cases.notAtStage");
    }

    @Test
    void a_refused_team_lists_every_rule_and_changes_nothing() {
        long app = fx.application("client-motor", "CNEX-01-G", "ACCEPTED", "EXPLOSION_PROOF", null, null);
        Actor pm = fx.who("pm");
        PlanView before = fx.plan(app);
        int audited = audit.forTarget("plan:" + before.applicationReference()).size();
        assertThatThrownBy(() -> plans.proposeTeam(pm, app, null, team("expert", TeamRole.VERIFIER)))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(cn.cfp.Messages.codes(r)).contains("planning.team.minMembers", "planning.team.minFullTime",
                            "planning.team.expertMayNotVerify");
                    assertThat(r.reasons()).filteredOn(x -> x.code().equals("planning.team.minMembers")).singleElement()
                            .satisfies(x -> assertThat(x.args()).containsExactly(2, 1, "001 §9.3.2; 000 §7.3.2; decision D1"));
                    assertThat(r.reasons()).filteredOn(x -> x.code().equals("planning.team.expertMayNotVerify")).singleElement()
                            .satisfies(x -> assertThat(x.field()).isEqualTo("role_" + fx.userId("expert")));
                    assertThat(cn.cfp.Messages.english(r)).anyMatch(s -> s.contains("at least 2") && s.contains("[001 §9.3.2; 000 §7.3.2; decision D1]"));
                    assertThat(cn.cfp.Messages.english(r)).anyMatch(s -> s.contains("full-time"));
                    assertThat(cn.cfp.Messages.english(r)).anyMatch(s -> s.contains("may not act as verifier"));
                });
        PlanView after = plans.forApplication(app).orElseThrow();
        assertThat(after.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(after.team()).isEmpty();
        assertThat(audit.forTarget("plan:" + before.applicationReference())).hasSize(audited);
    }

    @Test
    void planning_starts_when_the_case_opens_and_not_for_an_application_still_under_review() {
        long submitted = fx.application("client-motor", "CNEX-01-G", "SUBMITTED", "EXPLOSION_PROOF", null, null);
        assertThat(plans.forApplication(submitted)).isEmpty();
        assertThatThrownBy(() -> plans.proposeTeam(fx.who("pm"), submitted, null, team("inspector", TeamRole.LEADER)))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(cn.cfp.Messages.codes(r)).containsExactly("cases.notAccepted");
                });
        long accepted = fx.application("client-motor", "CNEX-01-G", "ACCEPTED", "EXPLOSION_PROOF", null, null);
        PlanView started = fx.plan(accepted);
        assertThat(started.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(audit.forTarget("plan:" + started.applicationReference())).extracting(AuditRecord::action).containsExactly("PLAN_STARTED");
    }

    @Test
    void a_person_who_declared_a_conflict_with_the_client_cannot_be_chosen_R_PER_2() {
        long app = fx.application("client-furniture", "CEC-FURNITURE", "ACCEPTED", "木家具", null, null);
        long org = fx.clientOrg("client-furniture");
        long inspector2 = fx.userId("inspector2");
        Actor pm = fx.who("pm");
        fx.plan(app);
        staff.declare(fx.who("inspector2"), inspector2, org, true, "配偶在该公司任职", null);
        try {
            assertThat(plans.candidates(app)).filteredOn(c -> c.profile().userId() == inspector2).singleElement()
                    .extracting(Plans.Candidate::conflicted).isEqualTo(true);
            assertThatThrownBy(() -> plans.proposeTeam(pm, app, null, team("inspector", TeamRole.LEADER, "inspector2", TeamRole.INSPECTOR)))
                    .isInstanceOfSatisfying(Refusal.class, r -> {
                        assertThat(r.reasons()).filteredOn(x -> x.code().equals("planning.team.conflictNoted")).singleElement()
                                .satisfies(x -> {
                                    assertThat(x.args()).containsExactly(staff.find(inspector2).orElseThrow().name(), org, "配偶在该公司任职",
                                            "002 §5.2.1");
                                    assertThat(x.field()).isEqualTo("role_" + inspector2);
                                });
                        assertThat(cn.cfp.Messages.english(r))
                                .anyMatch(s -> s.contains("conflict of interest") && s.contains("[002 §5.2.1; R-PER-2]"));
                    });
        } finally {
            staff.declare(fx.who("admin"), inspector2, org, false, null, null);
        }
        // CEC §5.2.1: leader + GHG verifier (inspector) + voluntary/green product certification (inspector2)
        assertThat(plans.proposeTeam(pm, app, null, team("inspector", TeamRole.LEADER, "inspector2", TeamRole.INSPECTOR)).status())
                .isEqualTo(PlanStatus.TEAM_PROPOSED);
    }

    @Test
    void a_team_member_cannot_approve_and_a_visit_today_cannot_be_sent_then_moving_it_withdraws_the_approval() {
        long app = fx.application("client-motor", "CGC-R52003", "ACCEPTED", "PV13", 150, null);
        Actor pm = fx.who("pm");
        fx.plan(app);
        // CGC ¶33 plus 000 §7.3.2 [decision D1]: two inspectors, here with the project manager himself
        plans.proposeTeam(pm, app, "PV13", team("pm", TeamRole.LEADER, "inspector2", TeamRole.INSPECTOR));
        LocalDate today = LocalDate.now(clock);
        plans.setInspectionScheme(pm, app, scheme(today));
        plans.setVerificationPlan(pm, app, verification());
        assertThatThrownBy(() -> plans.approve(pm, app)).isInstanceOf(Refusal.class).hasMessageContaining("planning.approve.inTeam");
        plans.proposeTeam(pm, app, "PV13", team("inspector", TeamRole.LEADER, "inspector2", TeamRole.INSPECTOR));
        assertThat(plans.approve(pm, app).status()).isEqualTo(PlanStatus.APPROVED);
        assertThatThrownBy(() -> plans.send(pm, app)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(cn.cfp.Messages.codes(r)).containsExactly("planning.send.visitNotAhead");
            assertThat(r.reasons().get(0).args()).containsExactly(today, today);
            assertThat(cn.cfp.Messages.english(r)).singleElement().asString().contains("not after today");
        });
        PlanView moved = plans.setInspectionScheme(pm, app, scheme(today.plusDays(14)));
        assertThat(moved.status()).isEqualTo(PlanStatus.TEAM_PROPOSED);
        assertThat(moved.approvedBy()).isNull();
    }

    @Test
    void approval_lists_everything_missing() {
        long app = fx.application("client-motor", "CICC-ZY-GZ-20", "ACCEPTED", "PV13", null, null);
        Actor pm = fx.who("pm");
        fx.plan(app);
        plans.proposeTeam(pm, app, "PV13", team("verifier", TeamRole.VERIFIER));
        assertThatThrownBy(() -> plans.approve(pm, app)).isInstanceOfSatisfying(Refusal.class, r -> {
            // count unknown → man-days pending
            assertThat(cn.cfp.Messages.codes(r)).contains("planning.manDays.countUnknown", "planning.approve.noInspectionScheme",
                    "planning.approve.noVerificationPlan");
            assertThat(cn.cfp.Messages.english(r)).anyMatch(s -> s.contains("GHG sources"));
            assertThat(cn.cfp.Messages.english(r)).anyMatch(s -> s.contains("inspection scheme"));
            assertThat(cn.cfp.Messages.english(r)).anyMatch(s -> s.contains("verification plan"));
        });
        assertThat(plans.forApplication(app).orElseThrow().status()).isEqualTo(PlanStatus.TEAM_PROPOSED);
    }

    @Test
    void an_adopted_prior_verification_keeps_a_consistency_check_plan_and_a_schedulable_on_site_verification_003_38_69() {
        long app = fx.application("client-motor", "CGC-R52003", "SUBMITTED", "PV13", 150, null);
        Actor pm = fx.who("pm");
        LocalDate today = LocalDate.now(clock);
        applications.accept(pm, app, new cn.cfp.application.AcceptCommand(java.util.EnumSet.allOf(cn.cfp.application.ContractReview.class),
                today, "人民币 30,000 元", null, new cn.cfp.application.Exemptions.PriorVerification("CNAS-V-2026-0042", "某核查机构",
                true, today.minusMonths(2), true)));
        fx.plan(app);
        assertThat(cases.require(app).route().contains(cn.cfp.scheme.Stage.VERIFICATION)).isTrue();
        assertThat(cases.require(app).simplified()).containsExactly(cn.cfp.scheme.Stage.VERIFICATION);
        plans.proposeTeam(pm, app, "PV13", team("inspector", TeamRole.LEADER, "inspector2", TeamRole.INSPECTOR));
        plans.setInspectionScheme(pm, app, scheme(today.plusDays(14)));

        PlanView v = plans.forApplication(app).orElseThrow();
        assertThat(v.consistencyCheck()).isTrue();
        assertThat(cn.cfp.Messages.codes(v.warnings())).contains("planning.warning.verificationSimplified")
                .doesNotContain("planning.warning.verificationAdopted");
        // on-site verification defaults to 0 (003 ¶69 "可不进行现场核查") …
        ManDayLine onsite = v.manDays().lines().stream().filter(l -> l.activity() == ManDayActivity.ON_SITE_VERIFICATION).findFirst().orElseThrow();
        assertThat(onsite.planned()).isEqualByComparingTo("0");
        // … and approval still asks for a verification plan (before the fix the stage was gone and nothing was asked)
        assertThatThrownBy(() -> plans.approve(pm, app)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(cn.cfp.Messages.codes(r)).contains("planning.approve.noVerificationPlan"));
        // a consistency-check plan needs no complexity, risk rating or sampling plan …
        plans.setVerificationPlan(pm, app, new VerificationPlan("采信 CNAS-V-2026-0042 的核查声明，产品 PV13 一致", null, null, List.of(),
                AssuranceLevel.LIMITED, new BigDecimal("5"), null, "核对声明中的 BOM 与现场", "比对声明与产品、现场一致性"));
        // … and the planner may schedule a consistency visit with a reason
        plans.setManDays(pm, app, List.of(new ManDayOverride(onsite.scopeKey(), ManDayActivity.ON_SITE_VERIFICATION,
                new BigDecimal("0.5"), "现场核对声明与产品一致")));
        PlanView approved = plans.approve(pm, app);
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.manDays().lines()).anySatisfy(l -> {
            assertThat(l.activity()).isEqualTo(ManDayActivity.ON_SITE_VERIFICATION);
            assertThat(l.planned()).isEqualByComparingTo("0.5");
        });
        // the full plan's parts are still required where the verification is not simplified
        assertThat(cn.cfp.Messages.codes(approved.verificationPlan().problems(null, false)))
                .contains("planning.verification.complexityRequired", "planning.verification.riskUnrated");
    }
}
