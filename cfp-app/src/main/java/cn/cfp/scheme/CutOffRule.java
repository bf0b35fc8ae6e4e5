package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.Locale;

/** Cut-off: excluded inputs at most {@code maxPercent} of {@code basis} [R-CALC-5]; maxPercent null = per the basis standard. */
public record CutOffRule(BigDecimal maxPercent, LocalizedText basis) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        String b = basis == null ? "" : basis.in(locale);
        return maxPercent == null ? b : "≤ " + Texts.num(maxPercent) + " % " + b;
    }
}
