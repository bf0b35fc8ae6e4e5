package cn.cfp.planning;

import cn.cfp.access.Actor;
import cn.cfp.scheme.AssurancePolicy;
import cn.cfp.scheme.Cited;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a plan may be approved [000 Annex 2 §4.2 (8); R-PLAN-1..4]: the approver is not in the team; the team still
 * meets every rule (profiles may have changed since the proposal, e.g. a new conflict); the man-days are complete; the
 * inspection scheme is complete with a visit date not past; and, when the case's route has a PCF verification, the
 * verification plan is complete for the scheme's assurance rules.
 */
final class PlanApprovalPolicy {

    private PlanApprovalPolicy() {
    }

    static Verdict check(Actor approver, PlanView v, boolean verificationInRoute, Cited<AssurancePolicy> assurance, LocalDate today) {
        List<Reason> problems = new ArrayList<>();
        if (v.team().stream().anyMatch(m -> m.userId() == approver.id())) {
            problems.add(Reason.of("planning.approve.inTeam", approver.displayName()));
        }
        if (v.teamVerdict() == null) {
            problems.add(Reason.of("planning.approve.noTeam"));
        } else {
            problems.addAll(v.teamVerdict().reasons());
        }
        problems.addAll(v.manDays().problems());
        problems.addAll(v.manDays().pending());
        if (v.inspectionScheme() == null) {
            problems.add(Reason.of("planning.approve.noInspectionScheme", InspectionScheme.CITE));
        } else {
            problems.addAll(v.inspectionScheme().problems());
            if (v.visitDate() != null && v.visitDate().isBefore(today)) {
                problems.add(Reason.of("planning.visitInPast", v.visitDate()));
            }
        }
        if (verificationInRoute) {
            if (v.verificationPlan() == null) {
                problems.add(Reason.of("planning.approve.noVerificationPlan", VerificationPlan.CITE));
            } else {
                problems.addAll(v.verificationProblems(assurance));
            }
        }
        return Verdict.of(problems);
    }
}
