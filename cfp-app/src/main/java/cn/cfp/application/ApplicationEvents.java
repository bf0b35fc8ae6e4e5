package cn.cfp.application;

import java.time.LocalDate;

/** What an application publishes as it moves (besides {@link ApplicationAccepted}, after which its case takes over). */
public final class ApplicationEvents {

    private ApplicationEvents() {
    }

    public record Submitted(long applicationId, String reference, String schemeCode, LocalDate acceptanceDueOn) {
    }

    public record SupplementRequested(long applicationId, String reference, String note, LocalDate dueOn) {
    }

    public record Refused(long applicationId, String reference, String reasons) {
    }

    public record DocumentReviewed(long applicationId, String reference, int round, DocumentReviewConclusion conclusion) {
    }

    /** The client answered the supplement request of document-review round {@code round}: the next round may start. */
    public record DocumentSupplementSubmitted(long applicationId, String reference, int round) {
    }
}
