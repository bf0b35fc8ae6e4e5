package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.access.Actor;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.application.DocumentReviews;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.cases.Cases;
import cn.cfp.scheme.Stage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * For the back-half tests (issue 9): a case of any shipped scheme brought, through the modules' own use cases, to its
 * on-site stage with the team {@code inspector} (leader), {@code inspector2} (inspector) and {@code verifier} (verifier)
 * of the demo data, the plan sent, the document review conforming, the client's confirmation where the scheme requires
 * it, and (optionally) the visit started. The client is {@code client-motor} (CEC: {@code client-motor} applies for
 * wooden furniture).
 */
public final class OnSiteFixture {

    private final CaseFixture cases;
    private final ApplicationContext context;

    public OnSiteFixture(ApplicationContext context) {
        this.cases = new CaseFixture(context);
        this.context = context;
    }

    public CaseFixture cases() {
        return cases;
    }

    public Actor who(String username) {
        return cases.who(username);
    }

    public long userId(String username) {
        return cases.userId(username);
    }

    /** The product class and team field the demo team is competent in for {@code scheme}. */
    public static String category(String scheme) {
        return scheme.equals("CEC-FURNITURE") ? "木家具" : "PV13";
    }

    static String field(String scheme) {
        return scheme.equals("CEC-FURNITURE") ? "FURNITURE" : null;
    }

    /** An accepted case of {@code scheme} whose plan was approved and sent (the case is at its document review). */
    public long planSent(String scheme) {
        long app = cases.accepted("client-motor", scheme, category(scheme), 80, 10);
        Plans plans = context.getBean(Plans.class);
        Actor pm = who("pm");
        LocalDate visit = context.getBean(WorkingDayCalendar.class).plusWorkingDays(LocalDate.now(context.getBean(Clock.class)), 5).date();
        plans.proposeTeam(pm, app, field(scheme), List.of(new MemberInput(userId("inspector"), TeamRole.LEADER),
                new MemberInput(userId("inspector2"), TeamRole.INSPECTOR), new MemberInput(userId("verifier"), TeamRole.VERIFIER)));
        PlanView v = plans.forApplication(app).orElseThrow();
        if (v.manDays() != null && !v.manDays().pending().isEmpty()) {
            // a scheme without a man-day table (000): the planner enters the figures per site with a reason
            List<ManDayOverride> figures = new java.util.ArrayList<>();
            var c = context.getBean(Cases.class).require(app);
            for (ManDayScope scope : Plans.scopes(context.getBean(cn.cfp.application.Applications.class).get(app), c,
                    context.getBean(cn.cfp.scheme.SchemeCatalog.class).get(scheme).manDayTable())) {
                figures.add(new ManDayOverride(scope.key(), cn.cfp.scheme.ManDayActivity.ON_SITE_INSPECTION, java.math.BigDecimal.ONE, "按企业规模估算"));
                figures.add(new ManDayOverride(scope.key(), cn.cfp.scheme.ManDayActivity.ON_SITE_VERIFICATION, java.math.BigDecimal.ONE, "按企业规模估算"));
            }
            plans.setManDays(pm, app, figures);
        }
        plans.setInspectionScheme(pm, app, PlansWorkflowTest.scheme(visit));
        plans.setVerificationPlan(pm, app, PlansWorkflowTest.verification());
        plans.approve(pm, app);
        assertThat(plans.send(pm, app).status()).isEqualTo(PlanStatus.SENT);
        return app;
    }

    /** {@link #planSent}, then the document review conforms and the client confirms the plan where the scheme requires it. */
    public long atOnSite(String scheme) {
        long app = planSent(scheme);
        context.getBean(DocumentReviews.class).conclude(who("pm"), app, DocumentReviewConclusion.CONFORMS, "文件齐全", null, Map.of());
        Plans plans = context.getBean(Plans.class);
        if (!plans.visitGate(app).allowed()) {
            plans.confirm(who("client-motor"), app, null, "同意");
        }
        return app;
    }

    /** {@link #atOnSite}, then the team starts the visit. */
    public long visitStarted(String scheme) {
        long app = atOnSite(scheme);
        context.getBean(Plans.class).startVisit(who("inspector"), app);
        return app;
    }

    /** CICC: stage 1 (on the document check, not on site) with every item conforming and the decision to proceed. */
    public void stage1Proceeds(long app) {
        cn.cfp.evaluation.Evaluations ev = context.getBean(cn.cfp.evaluation.Evaluations.class);
        String scheme = context.getBean(Cases.class).require(app).schemeCode();
        var items = context.getBean(cn.cfp.scheme.SchemeCatalog.class).get(scheme).preliminaryEvaluation().value().items().stream()
                .map(i -> new cn.cfp.evaluation.ItemAnswer(i.id(), cn.cfp.evaluation.ItemConclusion.CONFORMS, "符合", List.of(), null, null))
                .toList();
        ev.recordStage1(who("verifier"), app, new cn.cfp.evaluation.Evaluations.Stage1Input(false, true, items,
                cn.cfp.evaluation.Stage1Decision.PROCEED, "可以进入二阶段", null));
    }

    /** CGC: the claim-and-evidence evaluation conforms with every purpose conforming [003 ¶61]. */
    public void claimConforms(long app) {
        cn.cfp.evaluation.Evaluations ev = context.getBean(cn.cfp.evaluation.Evaluations.class);
        String scheme = context.getBean(Cases.class).require(app).schemeCode();
        var items = context.getBean(cn.cfp.scheme.SchemeCatalog.class).get(scheme).claimEvaluation().value().items().stream()
                .map(i -> new cn.cfp.evaluation.ItemAnswer(i.id(), cn.cfp.evaluation.ItemConclusion.CONFORMS, "符合", List.of(), null, null))
                .toList();
        ev.recordClaim(who("verifier"), app, new cn.cfp.evaluation.Evaluations.ClaimInput(items,
                cn.cfp.evaluation.ClaimConclusion.CONFORMS, null, null));
    }

    /** The case's current stages. */
    public List<Stage> stages(long app) {
        return context.getBean(Cases.class).require(app).currentStages();
    }
}
