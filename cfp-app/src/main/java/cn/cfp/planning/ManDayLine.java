package cn.cfp.planning;

import cn.cfp.scheme.ManDayActivity;
import java.math.BigDecimal;

/**
 * One planned figure: scope, activity, what the table says ({@code tableMin}–{@code tableMax}, max null = "at least"),
 * the lowest figure allowed ({@code floor}: the table minimum less the scheme's allowed reduction), and the planned
 * man-days (null while a case-by-case figure is still to be set).
 *
 * @param aggregate a sum of other lines (inspection + verification together, total), not planned on its own
 * @param rule      the rule as the scheme states it, e.g. "现场检查 ≥ 2"
 * @param cite      the seed clause
 */
public record ManDayLine(String scopeKey, String scopeLabel, ManDayActivity activity, BigDecimal tableMin,
                         BigDecimal tableMax, BigDecimal floor, BigDecimal planned, boolean aggregate, boolean overridden,
                         String reason, String rule, String cite, String note) {
}
