package cn.cfp.application;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.List;

/**
 * Whether another document-review round may be recorded (R-DOC-1; 000 §7.4; 003 ¶45–49): not after the documents passed,
 * not after {@link DocumentReviews#MAX_FAILED_ROUNDS} failed rounds (the body must terminate [003 ¶47; decision D5]),
 * and a conclusion other than "conforms" lists its findings.
 */
final class DocumentReviewPolicy {

    private DocumentReviewPolicy() {
    }

    /** Whether the case's reviews so far leave room for another round. */
    static Verdict anotherRound(String reference, List<DocumentReviews.Review> done) {
        if (done.stream().anyMatch(r -> r.conclusion() != DocumentReviewConclusion.DOES_NOT_CONFORM)) {
            return Verdict.refuse(Reason.of("application.review.passed", reference));
        }
        if (done.size() >= DocumentReviews.MAX_FAILED_ROUNDS) {
            return Verdict.refuse(Reason.of("application.review.terminationDue", reference, DocumentReviews.MAX_FAILED_ROUNDS));
        }
        return Verdict.allow();
    }

    /** Whether the round's conclusion is complete. */
    static Verdict conclusion(DocumentReviewConclusion conclusion, String findings) {
        if (conclusion == null) {
            return Verdict.refuse(Reason.of("application.review.conclusionRequired").at("conclusion"));
        }
        if (conclusion != DocumentReviewConclusion.CONFORMS && (findings == null || findings.isBlank())) {
            return Verdict.refuse(Reason.of("application.review.findingsRequired").at("findings"));
        }
        return Verdict.allow();
    }
}
