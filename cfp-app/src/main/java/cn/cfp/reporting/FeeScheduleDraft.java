package cn.cfp.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * What an administrator saves: the schedule's lines and effective date, based on the version they read
 * ({@code baseVersion}, 0 for the first) — a save on an older base is refused (409), so nobody overwrites unseen.
 */
public record FeeScheduleDraft(Integer baseVersion, LocalDate effectiveOn, String noteZh, String noteEn, List<FeeItem> items) {
}
