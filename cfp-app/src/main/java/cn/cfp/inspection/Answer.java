package cn.cfp.inspection;

import java.time.Instant;
import java.util.List;

/**
 * One answer of the team: a checklist item at a production site ({@code kind} CHECKLIST, {@code targetId} the site) or a
 * product-consistency item for a certification unit (CONSISTENCY, the unit).
 *
 * @param ncId the nonconformity raised from it (NONCONFORMS / INCONSISTENT), or null
 */
public record Answer(long id, Kind kind, String itemId, long targetId, Result result, String note, List<Long> evidenceIds,
                     Long ncId, String answeredBy, Instant answeredAt, int version) {

    public enum Kind { CHECKLIST, CONSISTENCY }

    /** CONFORMS / NONCONFORMS / NOT_APPLICABLE for the checklist, CONSISTENT / INCONSISTENT / NOT_APPLICABLE for consistency. */
    public enum Result {
        CONFORMS, NONCONFORMS, NOT_APPLICABLE, CONSISTENT, INCONSISTENT;

        public boolean finding() {
            return this == NONCONFORMS || this == INCONSISTENT;
        }
    }

    public Answer {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
