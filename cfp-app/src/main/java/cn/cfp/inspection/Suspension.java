package cn.cfp.inspection;

import java.time.Instant;

/**
 * A suspension (中止) of an on-site activity (back-half §1.6; 001 §9.5.5, §9.6.6): reported by the team with a reason of
 * the scheme's list, approved by the case's project manager (another person), then resumed.
 */
public record Suspension(long id, long applicationId, Activity activity, String reasonCode, String reasonText,
                         boolean clientCaused, Status status, String reportedBy, Instant reportedAt, String approvedBy,
                         Instant approvedAt, String resumedBy, Instant resumedAt, int version) {

    public enum Activity { INSPECTION, VERIFICATION }

    public enum Status { REPORTED, APPROVED, RESUMED }
}
