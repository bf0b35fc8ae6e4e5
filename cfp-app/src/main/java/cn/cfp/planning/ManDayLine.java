package cn.cfp.planning;

import cn.cfp.scheme.ManDayActivity;
import cn.cfp.shared.Reason;
import java.math.BigDecimal;
import java.util.List;

/**
 * One planned figure: scope, activity, what the table says ({@code tableMin}–{@code tableMax}, max null = "at least"),
 * the lowest figure allowed ({@code floor}: the table minimum less the scheme's allowed reduction), and the planned
 * man-days (null while a case-by-case figure is still to be set).
 *
 * @param aggregate a sum of other lines (inspection + verification together, total), not planned on its own
 * @param rule      the rule as the scheme states it, e.g. "现场检查 ≥ 2"
 * @param cite      the seed clause
 * @param notes     what the scheme or the plan adds to the line (a waived activity, the document-review share)
 */
public record ManDayLine(String scopeKey, String scopeLabel, ManDayActivity activity, BigDecimal tableMin,
                         BigDecimal tableMax, BigDecimal floor, BigDecimal planned, boolean aggregate, boolean overridden,
                         String reason, Reason rule, String cite, List<Reason> notes) {

    public ManDayLine {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The form field of the line's figure ({@code md_<scope>|<activity>}); its reason is {@code reason_<scope>|<activity>}. */
    public static String field(String scopeKey, ManDayActivity activity) {
        return "md_" + scopeKey + "|" + activity;
    }
}
