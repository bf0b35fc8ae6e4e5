package cn.cfp.verification;

import cn.cfp.shared.Verdict;
import java.util.List;

/**
 * The verification of a case as pages and the API see it: the client's submissions, the corrections of the latest
 * one, the aspects concluded, every recalculation (newest last) and whether the stage may be completed now.
 *
 * @param consistencyCheck the case adopts a prior verification: a consistency check replaces the recalculation
 */
public record VerificationView(long applicationId, String reference, String schemeCode, List<SubmissionView> submissions,
                               List<Correction.Stored> corrections, List<Aspect.Concluded> aspects,
                               List<RecalculationView> recalculations, boolean consistencyCheck, Verdict completion) {
}
