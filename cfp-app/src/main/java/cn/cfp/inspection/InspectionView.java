package cn.cfp.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The visit record of a case's on-site inspection (R-INS-1) with everything the team recorded.
 *
 * @param team           the team as the plan sent it ("username:ROLE", comma-separated)
 * @param excludedStages life-cycle stages outside the case's certification scope (delivery-storage, use, end-of-life):
 *                       their scope items may be answered "not applicable" without a reason
 * @param production     the product observed in production during the visit [000 §7.5.1], or null until recorded
 * @param sampleSeed     the seed of the consistency samples, generated once and recorded
 */
public record InspectionView(long applicationId, LocalDate scheduledOn, String team, Instant startedAt, String startedBy,
                             Set<String> excludedStages, Production production, String disagreement, Long sampleSeed,
                             Instant checklistCompletedAt, Instant completedAt, String completedBy, int version,
                             List<Attendance> attendance, List<Answer> checklist, List<Answer> consistency,
                             List<UnitSample> samples) {

    /** The product observed in production: model, line or site, note and evidence. */
    public record Production(String model, String line, String note, List<Long> evidenceIds) {
    }

    public Optional<Answer> answer(Answer.Kind kind, String itemId, long targetId) {
        return (kind == Answer.Kind.CHECKLIST ? checklist : consistency).stream()
                .filter(a -> a.itemId().equals(itemId) && a.targetId() == targetId).findFirst();
    }

    public Optional<UnitSample> sample(long unitId) {
        return samples.stream().filter(s -> s.unitId() == unitId).findFirst();
    }

    public boolean completed() {
        return completedAt != null;
    }
}
