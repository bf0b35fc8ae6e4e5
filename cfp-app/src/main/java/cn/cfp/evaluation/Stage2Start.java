package cn.cfp.evaluation;

import java.time.LocalDate;

/** The recorded start of CICC's stage 2, so the gap to stage 1 is provable [004 §9.5.1]. */
public record Stage2Start(LocalDate on, String by, LocalDate stage1CompletedOn, long gapDays) {
}
