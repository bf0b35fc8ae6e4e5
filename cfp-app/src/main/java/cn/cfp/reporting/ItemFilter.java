package cn.cfp.reporting;

import java.time.LocalDate;

/**
 * Which items to list: by scheme code, kind, event date period (inclusive) and state; a null part does not filter.
 *
 * @param reported true: reported only; false: unreported only; null: both
 */
public record ItemFilter(String scheme, ReportKind kind, LocalDate from, LocalDate to, Boolean reported) {

    public static ItemFilter unreported() {
        return new ItemFilter(null, null, null, null, false);
    }

    public ItemFilter {
        scheme = scheme == null || scheme.isBlank() ? null : scheme.strip();
    }
}
