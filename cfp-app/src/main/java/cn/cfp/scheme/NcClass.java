package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A nonconformity class [R-NC-1]: e.g. general (effect on the footprint &lt; 10 %), serious (≥ 10 %), observation [003 ¶70].
 */
public record NcClass(String key, LocalizedText name, BigDecimal effectBelowPercent, BigDecimal effectAtLeastPercent)
        implements Summarizable {
    @Override
    public String summary(Locale locale) {
        String s = name.in(locale);
        if (effectBelowPercent != null) {
            s += " (< " + Texts.num(effectBelowPercent) + " %)";
        }
        if (effectAtLeastPercent != null) {
            s += " (≥ " + Texts.num(effectAtLeastPercent) + " %)";
        }
        return s;
    }
}
