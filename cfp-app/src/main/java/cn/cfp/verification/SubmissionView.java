package cn.cfp.verification;

import java.math.BigDecimal;
import java.time.Instant;

/** One immutable version of the client's inventory: the bytes are in the evidence store under {@code sha256}. */
public record SubmissionView(long id, long applicationId, int version, long evidenceId, String sha256, String filename,
                             FootprintAdapter.Format format, BigDecimal claimedKgCo2e, String uploadedBy, Instant uploadedAt) {
}
