package cn.cfp.planning;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.PlanNotice;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.Optional;

/**
 * Whether the on-site visit may start as far as the client's confirmation goes (corrections B-8): where the scheme
 * requires it ({@code verificationPlanNotice.clientConfirmation: REQUIRED} — 001 §9.6.2, 003 ¶36, 004 §9.4.3) the client
 * must have confirmed the plan's <em>current</em> revision; a revision answered with a change request, or not answered
 * yet, refuses the visit. A scheme that does not require it allows the visit whatever the answer. Pure.
 */
final class ClientConfirmationPolicy {

    private ClientConfirmationPolicy() {
    }

    /**
     * @param currentRevision the number of the revision the client has now (0: nothing sent yet)
     * @param answer          the client's answer to that revision, if any
     */
    static Verdict check(Cited<PlanNotice> notice, int currentRevision, Optional<ClientAnswer> answer) {
        if (notice == null || notice.value() == null || !notice.value().confirmationRequired()) {
            return Verdict.allow();
        }
        if (currentRevision == 0) {
            return Verdict.refuse(Reason.of("planning.visit.notSent"));
        }
        if (answer.isEmpty()) {
            return Verdict.refuse(Reason.of("planning.visit.notConfirmed", currentRevision, plan(notice), notice.cite()));
        }
        if (answer.get() == ClientAnswer.CHANGE_REQUESTED) {
            return Verdict.refuse(Reason.of("planning.visit.changeRequested", currentRevision, plan(notice), notice.cite()));
        }
        return Verdict.allow(java.util.List.of(Reason.of("planning.visit.confirmed", currentRevision, notice.cite())));
    }

    /** The scheme's name of the plan (a localized text), or the generic one. */
    private static Object plan(Cited<PlanNotice> notice) {
        return notice.value().plan() != null ? notice.value().plan() : Reason.of("planning.onSitePlan");
    }
}
