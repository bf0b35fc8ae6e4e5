package cn.cfp.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stored recalculation [R-VER-3] with what produced it: the submission (version and sha256), the engine version, the
 * GWP set, the corrections applied (ids, up to {@code lastCorrectionId}) and the Monte Carlo seed.
 *
 * @param resultJson the result as {@code ./cfp calc --json} writes it (with the Monte Carlo when run)
 */
public record RecalculationView(long id, long applicationId, long submissionId, int submissionVersion, String sha256,
                                String engineVersion, String gwpSet, List<Long> correctionIds, Long lastCorrectionId,
                                Integer iterations, Long seed, double totalKgCo2e, BigDecimal claimedKgCo2e,
                                Double deviationPercent, BigDecimal materialityPercent, Deviation classification,
                                boolean qualityAccepted, String calculatedBy, Instant calculatedAt, String resultJson) {
}
