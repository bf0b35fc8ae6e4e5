package cn.cfp.review;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.scheme.Independence;
import cn.cfp.scheme.TechnicalReviewRules;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who may take the certification decision [R-REV-2]: a DECISION_MAKER who is not on the case's team, not its project
 * manager, not the report preparer where the scheme excludes them [001 §9.7 注], and not one of the case's technical
 * reviewers unless the scheme lets one person review and decide [001 §9.7 复核与决定人员; 002 Table 2] — CGC names a
 * 复核人员 and a separate 认证决定人员 [003 ¶76, ¶79], CICC an ITR reviewer and the 碳中和事业部 [004 §10.1–10.2].
 */
public final class DeciderPolicy {

    private DeciderPolicy() {
    }

    public static Verdict check(Actor actor, CaseParts c, TechnicalReviewRules rules, Independence independence,
                                String reportPreparer, Collection<Long> reviewerIds) {
        List<Reason> why = new ArrayList<>();
        if (!actor.has(Role.DECISION_MAKER)) {
            why.add(Reason.of("review.notDecider", c.reference()));
        }
        why.addAll(ReviewerIndependencePolicy.tookPart(actor, c, independence, reportPreparer, ReviewerIndependencePolicy.Codes.DECIDER));
        if (!rules.reviewerMayDecide() && reviewerIds.contains(actor.id())) {
            why.add(Reason.of("review.deciderReviewed", actor.displayName(), c.reference()));
        }
        return Verdict.of(why);
    }
}
