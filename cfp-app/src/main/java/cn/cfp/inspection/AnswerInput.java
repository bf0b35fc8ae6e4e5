package cn.cfp.inspection;

import java.math.BigDecimal;
import java.util.List;

/**
 * An answer as given on the phone: the result, a note (required for a finding and for "not applicable"), evidence ids,
 * for a finding of a graded scheme the class (and effect in %), and the version of the answer the person saw (null
 * for a first answer) so two inspectors never overwrite each other silently.
 */
public record AnswerInput(Answer.Result result, String note, List<Long> evidenceIds, String ncClass, BigDecimal effectPercent,
                          Integer version) {
}
