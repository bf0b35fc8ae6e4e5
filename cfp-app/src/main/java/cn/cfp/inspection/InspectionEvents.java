package cn.cfp.inspection;

/** What the on-site inspection publishes. */
public final class InspectionEvents {

    private InspectionEvents() {
    }

    /** The on-site inspection of the case was completed (its stage completed in the same transaction). */
    public record InspectionCompleted(long applicationId, String reference, String completedBy) {
    }
}
