package cn.cfp.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to one evaluation item: conclusion, the evaluator's note (required for a finding) and the evidence files
 * (ids in the evidence store, uploaded to the case). {@code ncClass} and {@code effectPercent} are for a finding raised
 * as a nonconformity where the scheme grades them (CGC); null otherwise.
 */
public record ItemAnswer(String item, ItemConclusion conclusion, String note, List<Long> evidenceIds, String ncClass,
                         BigDecimal effectPercent) {

    public ItemAnswer {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }
}
