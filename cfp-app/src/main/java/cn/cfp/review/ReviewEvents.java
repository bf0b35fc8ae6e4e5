package cn.cfp.review;

import java.time.LocalDate;
import java.util.List;

/** What the technical review and the decision publish (the contract with the certificate module). */
public final class ReviewEvents {

    private ReviewEvents() {
    }

    /**
     * The certification decision was taken [R-REV-2] and the case concluded.
     *
     * @param outcome         the scheme's outcome key ({@code decision.outcomes[].key}, e.g. PASS, PASS_AFTER_NC, FAIL)
     * @param certify         whether a certificate follows (the case concluded CERTIFIED)
     * @param deciderUserId   who decided
     * @param reviewerUserIds who did the technical review (none may prepare the certificate where the scheme says so)
     */
    public record Decided(long applicationId, long caseId, String reference, String schemeCode, String outcome,
                          boolean certify, LocalDate on, long deciderUserId, List<Long> reviewerUserIds) {

        public Decided {
            reviewerUserIds = List.copyOf(reviewerUserIds);
        }
    }

    /** The technical review was completed [R-REV-1]; the case is at its decision. */
    public record Completed(long applicationId, String reference, String schemeCode, List<Long> reviewerUserIds) {

        public Completed {
            reviewerUserIds = List.copyOf(reviewerUserIds);
        }
    }

    /** The reviewer sent a question back to the team. */
    public record QuestionRaised(long applicationId, String reference, long questionId) {
    }
}
