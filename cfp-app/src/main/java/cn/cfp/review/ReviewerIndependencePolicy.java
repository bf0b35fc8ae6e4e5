package cn.cfp.review;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.cases.TeamMember;
import cn.cfp.scheme.Independence;
import cn.cfp.scheme.IndependenceRule;
import cn.cfp.scheme.TechnicalReviewRules;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may take the technical review of a case [R-REV-1]: a reviewer (role REVIEWER, or DECISION_MAKER where the scheme
 * lets one person review and decide, CNEX 复核与决定人员 [001 §9.7]) who took no part in the case — never a member of its
 * team [000 Ann. 2 §4.4; 001 §9.7 3); 003 ¶76; 004 §10.1.3], never its project manager, and, where the scheme says the
 * report preparer takes no part in the review and decision [001 §9.7 注], not the person who prepared the report.
 * Conflicted staff never reach the case (the access guard, R-PER-2). Each refusal names the person's part.
 */
public final class ReviewerIndependencePolicy {

    private ReviewerIndependencePolicy() {
    }

    /**
     * @param reportPreparer username of whoever submitted the case's report, or null when there is none
     */
    public static Verdict check(Actor actor, CaseParts c, TechnicalReviewRules rules, Independence independence,
                                String reportPreparer) {
        List<Reason> why = new ArrayList<>();
        boolean role = actor.has(Role.REVIEWER) || rules.reviewerMayDecide() && actor.has(Role.DECISION_MAKER);
        if (!role) {
            why.add(Reason.of(rules.reviewerMayDecide() ? "review.notReviewerOrDecider" : "review.notReviewer", c.reference()));
        }
        why.addAll(tookPart(actor, c, independence, reportPreparer, Codes.REVIEWER));
        return Verdict.of(why);
    }

    /** The parts a person had in the case that exclude them (prefix {@code review.reviewer} or {@code review.decider}). */
    /** The reason codes of one role (reviewer or decider), spelled out so that each code is found where it is used. */
    record Codes(String inTeam, String isManager, String preparedReport) {
        static final Codes REVIEWER = new Codes("review.reviewerInTeam", "review.reviewerIsManager", "review.reviewerPreparedReport");
        static final Codes DECIDER = new Codes("review.deciderInTeam", "review.deciderIsManager", "review.deciderPreparedReport");
    }

    static List<Reason> tookPart(Actor actor, CaseParts c, Independence independence, String reportPreparer,
                                 Codes codes) {
        List<Reason> why = new ArrayList<>();
        for (TeamMember m : c.team()) {
            if (m.userId() == actor.id()) {
                why.add(Reason.of(codes.inTeam(), actor.displayName(), m.role(), c.reference()));
            }
        }
        if (c.managerUserId() == actor.id()) {
            why.add(Reason.of(codes.isManager(), actor.displayName(), c.reference()));
        }
        if (reportPreparer != null && reportPreparer.equals(actor.username()) && independence != null
                && independence.requires(IndependenceRule.REPORT_PREPARER_NOT_DECIDER)) {
            why.add(Reason.of(codes.preparedReport(), actor.displayName(), c.reference()));
        }
        return why;
    }
}
