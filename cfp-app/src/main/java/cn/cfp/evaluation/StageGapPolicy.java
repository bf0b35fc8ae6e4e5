package cn.cfp.evaluation;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.time.LocalDate;
import java.util.List;

/**
 * The gap between CICC's stage 1 and stage 2 [004 §9.5.1]: "第一阶段和第二阶段的间隔也不应超过 6 个月" — stage 2 may start
 * up to and including the same day {@code maxMonths} calendar months after stage 1 was completed (back-half conventions:
 * "个月" = calendar month, "不超过" includes the number; a month without that day ends on its last day, as
 * {@link LocalDate#plusMonths} gives), and is refused from the day after. "不推荐第一阶段和第二阶段核查连续进行": a
 * start on the day stage 1 completed or the next day is allowed with a note (宜 = warn).
 */
public final class StageGapPolicy {

    private StageGapPolicy() {
    }

    /** The last day stage 2 may start. */
    public static LocalDate lastStartDay(LocalDate stage1CompletedOn, int maxMonths) {
        return stage1CompletedOn.plusMonths(maxMonths);
    }

    /**
     * Whether stage 2 may start on {@code startOn} after stage 1 completed on {@code stage1CompletedOn} (null: stage 1
     * is not completed — refused); {@code maxMonths} null: the scheme sets no gap.
     */
    public static Verdict check(LocalDate stage1CompletedOn, Integer maxMonths, LocalDate startOn, String cite) {
        if (stage1CompletedOn == null) {
            return Verdict.refuse(Reason.of("evaluation.stage2.stage1NotCompleted"));
        }
        if (maxMonths != null) {
            LocalDate last = lastStartDay(stage1CompletedOn, maxMonths);
            if (startOn.isAfter(last)) {
                return Verdict.refuse(Reason.of("evaluation.stage2.gapExceeded", stage1CompletedOn, maxMonths, last, startOn, cite));
            }
        }
        if (!startOn.isAfter(stage1CompletedOn.plusDays(1))) {
            return Verdict.allow(List.of(Reason.of("evaluation.stage2.consecutive", stage1CompletedOn, startOn)));
        }
        return Verdict.allow();
    }
}
