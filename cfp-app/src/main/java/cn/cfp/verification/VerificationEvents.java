package cn.cfp.verification;

/** What the verification publishes. */
public final class VerificationEvents {

    private VerificationEvents() {
    }

    /** The verification stage was completed: the recalculation it rests on (null for a consistency check). */
    public record Completed(long applicationId, String reference, Long resultId, Double totalKgCo2e, String completedBy) {
    }
}
