package cn.cfp.verification;

/**
 * The client's claim against the recalculated value [R-VER-3]: |(claim − recalculated)/recalculated| below the
 * materiality threshold of the approved verification plan is WITHIN, at or above it MATERIAL; NO_THRESHOLD when the
 * plan states no materiality (or the recalculated value is zero).
 */
public enum Deviation {
    WITHIN, MATERIAL, NO_THRESHOLD;

    static Deviation classify(Double deviationPercent, java.math.BigDecimal materialityPercent) {
        if (deviationPercent == null || materialityPercent == null) {
            return NO_THRESHOLD;
        }
        return Math.abs(deviationPercent) >= materialityPercent.doubleValue() ? MATERIAL : WITHIN;
    }
}
