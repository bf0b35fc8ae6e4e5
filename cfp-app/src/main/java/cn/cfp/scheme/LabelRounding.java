package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The label value rounding table as data [R-CALC-12]. {@code uncoveredBelow} documents values below the first row.
 */
public record LabelRounding(List<RoundingBand> bands, LocalizedText uncoveredBelow) implements Summarizable {

    public LabelRounding {
        bands = List.copyOf(bands);
    }

    public Optional<RoundingBand> bandFor(BigDecimal grams) {
        return bands.stream().filter(b -> b.covers(grams)).findFirst();
    }

    @Override
    public String summary(Locale locale) {
        return Texts.join(bands, b -> {
            String range = "(" + g(b.aboveGrams()) + ", " + (b.upToGrams() == null ? "∞" : g(b.upToGrams())) + "]";
            return range + " → " + (b.stepGrams() != null ? g(b.stepGrams()) : b.rule() == null ? "?" : b.rule().in(locale));
        }, "; ");
    }

    private static String g(BigDecimal grams) {
        return grams.compareTo(BigDecimal.valueOf(1000)) >= 0
                ? Texts.num(grams.movePointLeft(3)) + " kg" : Texts.num(grams) + " g";
    }
}
