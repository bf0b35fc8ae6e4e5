package cn.cfp.nonconformity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A nonconformity with everything after raising (back-half §3 "data to keep per NC"): issue, answers, verification,
 * closure, the claim amendment (quantification NCs, 003 ¶73) and the deadline consequence applied. {@code teamNote} is
 * internal to the body and never shown to the client ({@link #forClient()}).
 *
 * @param reEvaluationDueOn for a quantification NC of a scheme with a re-evaluation period: the last day of it, counted
 *                          in working days from the latest complete reply [003 ¶73]; else null
 */
public record NonconformityDetail(NonconformityView nc, LocalDate issuedOn, String issuedBy, LocalDate closedOn,
                                  String verifiedBy, VerificationMethod method, String recalculationRef, String amendedClaim,
                                  String teamNote, String consequence, Instant consequenceAt, List<NonconformityAnswer> answers,
                                  LocalDate reEvaluationDueOn) {

    public NonconformityDetail {
        answers = List.copyOf(answers);
    }

    public NonconformityDetail forClient() {
        return new NonconformityDetail(nc, issuedOn, issuedBy, closedOn, verifiedBy, method, recalculationRef, amendedClaim,
                null, consequence, consequenceAt, answers, reEvaluationDueOn);
    }
}
