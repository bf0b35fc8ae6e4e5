package cn.cfp.scheme;

import java.math.BigDecimal;

/**
 * One row of the label rounding table [004 §10.6]: declared values in ({@code aboveGrams}, {@code upToGrams}] are rounded
 * to the nearest {@code stepGrams}. The open last row ({@code upToGrams} null) has no step but a {@code rule}.
 */
public record RoundingBand(BigDecimal aboveGrams, BigDecimal upToGrams, BigDecimal stepGrams, LocalizedText rule) {

    public boolean covers(BigDecimal grams) {
        return grams.compareTo(aboveGrams) > 0 && (upToGrams == null || grams.compareTo(upToGrams) <= 0);
    }
}
