package cn.cfp.calc.label;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Label rounding per CICC-ZY/GZ-20 §10.6 (R-CALC-12). The table rounds a declared value v to the nearest step:
 * (10 g, 20 g] → 1 g, (20, 40] → 2 g, (40, 100] → 5 g, (100, 200] → 10 g, (200, 400] → 20 g, (400, 1000] → 50 g,
 * (1, 2 kg] → 0.1 kg, (2, 4 kg] → 0.2 kg, (4, 10 kg] → 0.5 kg, and "by the same principle" above 10 kg. The
 * principle is a 1–2–5 progression per decade: for v in (10^k, 2·10^k] the step is 10^(k−1), in (2·10^k, 4·10^k]
 * it is 2·10^(k−1), in (4·10^k, 10^(k+1)] it is 5·10^(k−1).
 *
 * <p>Our decision for values ≤ 10 g, which the table does not cover: the same principle continues downwards
 * (e.g. 7.3 g → step 0.5 g → 7.5 g; 1.43 g → 0.1 g → 1.4 g), so that every value keeps two to three significant
 * digits. Ties round half up (away from zero). Negative values (net removals) are rounded by their magnitude.
 * Zero stays zero. The value is converted with its decimal representation, so table boundaries are exact.
 */
public final class LabelRounding {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private LabelRounding() {
    }

    /** Rounds a value given in kg CO2e. */
    public static LabelValue roundKg(double kgCo2e) {
        if (!Double.isFinite(kgCo2e)) {
            throw new IllegalArgumentException("cannot round a footprint that is not a finite number: " + kgCo2e);
        }
        return roundGrams(new BigDecimal(Double.toString(kgCo2e)).multiply(THOUSAND));
    }

    public static LabelValue roundGrams(BigDecimal grams) {
        if (grams.signum() == 0) {
            return new LabelValue(BigDecimal.ZERO, BigDecimal.ONE, "0 g CO2e");
        }
        BigDecimal v = grams.abs();
        BigDecimal step = step(v);
        BigDecimal rounded = v.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        if (grams.signum() < 0) {
            rounded = rounded.negate();
        }
        return new LabelValue(rounded.stripTrailingZeros(), step.stripTrailingZeros(), text(rounded, step));
    }

    /** The rounding step (in g) for a positive value in g. */
    static BigDecimal step(BigDecimal v) {
        // decade k with 10^k < v ≤ 10^(k+1)
        int k = v.precision() - v.scale() - 1; // floor(log10 v) for v not a power of ten... adjusted below
        BigDecimal decade = BigDecimal.ONE.scaleByPowerOfTen(k);
        if (v.compareTo(decade) <= 0) {
            k--;
            decade = BigDecimal.ONE.scaleByPowerOfTen(k);
        }
        BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(k - 1);
        if (v.compareTo(decade.multiply(TWO)) <= 0) {
            return unit;
        }
        if (v.compareTo(decade.multiply(FOUR)) <= 0) {
            return unit.multiply(TWO);
        }
        return unit.multiply(BigDecimal.valueOf(5));
    }

    private static String text(BigDecimal grams, BigDecimal step) {
        BigDecimal abs = grams.abs();
        String unit;
        BigDecimal shown;
        BigDecimal shownStep;
        if (step.compareTo(BigDecimal.valueOf(100)) < 0) {
            unit = "g";
            shown = grams;
            shownStep = step;
        } else if (step.compareTo(BigDecimal.valueOf(100_000)) < 0) {
            unit = "kg";
            shown = grams.divide(THOUSAND, MathContext.DECIMAL64);
            shownStep = step.divide(THOUSAND, MathContext.DECIMAL64);
        } else {
            unit = "t";
            shown = grams.divide(THOUSAND.multiply(THOUSAND), MathContext.DECIMAL64);
            shownStep = step.divide(THOUSAND.multiply(THOUSAND), MathContext.DECIMAL64);
        }
        int decimals = Math.max(0, shownStep.stripTrailingZeros().scale());
        return shown.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + " " + unit + " CO2e";
    }
}
