package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What surveillance expects of the footprint vs the previous period [R-SURV-2, R-SURV-3].
 *
 * @param revokeIfIncreaseAtLeastPercent  revoke when the footprint rose by at least this much [003 ¶86]
 */
public record SurveillanceFootprintRule(Boolean expectDecrease, Boolean reductionTargetMustBeMet,
                                        BigDecimal revokeIfIncreaseAtLeastPercent, LocalizedText description)
        implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (Boolean.TRUE.equals(expectDecrease)) {
            j.add(Texts.pick(locale, "核查是否较上次下降", "check decrease vs last"));
        }
        if (Boolean.TRUE.equals(reductionTargetMustBeMet)) {
            j.add(Texts.pick(locale, "上年度减碳目标是否达成", "last year's target met"));
        }
        if (revokeIfIncreaseAtLeastPercent != null) {
            j.add(Texts.pick(locale, "增幅 ≥ " + Texts.num(revokeIfIncreaseAtLeastPercent) + "% 撤销",
                    "+≥ " + Texts.num(revokeIfIncreaseAtLeastPercent) + " % → revoke"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
