package cn.cfp.calc.label;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A label rounding table as data (R-CALC-12): declared values in ({@code aboveGrams}, {@code upToGrams}] are rounded
 * to the nearest {@code stepGrams}. Only a scheme that has such a table (CICC-ZY/GZ-20 §10.6) rounds its label value;
 * the engine applies a table only when one is passed in {@link cn.cfp.calc.model.Rules#labelRounding()}.
 *
 * <p>With {@code extendByDecade} a value outside the table is rounded "by the same principle": it is scaled by a power
 * of ten into the table, and the step is scaled back. This needs the bands to cover whole decades without gaps (the
 * CICC table covers (10 g, 10 kg]). For CICC it gives the 1–2–5 progression per decade above 10 kg (the table's last
 * row) and — our decision for values ≤ 10 g, which the table does not cover — the same principle continued downwards
 * (e.g. 7.3 g → step 0.5 g → 7.5 g; 1.43 g → 0.1 g → 1.4 g). Without it a value outside the table has no label value.
 * Ties round half up (away from zero). Negative values (net removals) are rounded by their magnitude. Zero stays zero.
 * The value is converted with its decimal representation, so table boundaries are exact.
 *
 * @param name  where the table comes from, e.g. "CICC-ZY/GZ-20 §10.6" (printed with the label value)
 * @param bands the rows, ascending and contiguous
 */
public record LabelRounding(String name, List<Band> bands, boolean extendByDecade) {

    /** One row: values in ({@code aboveGrams}, {@code upToGrams}] are rounded to a multiple of {@code stepGrams}. */
    public record Band(BigDecimal aboveGrams, BigDecimal upToGrams, BigDecimal stepGrams) {
        public Band {
            if (aboveGrams == null || upToGrams == null || stepGrams == null || aboveGrams.signum() < 0
                    || upToGrams.compareTo(aboveGrams) <= 0 || stepGrams.signum() <= 0) {
                throw new IllegalArgumentException("a rounding band needs 0 <= above < upTo and a positive step, was ("
                        + aboveGrams + ", " + upToGrams + "] step " + stepGrams);
            }
        }

        boolean covers(BigDecimal v) {
            return v.compareTo(aboveGrams) > 0 && v.compareTo(upToGrams) <= 0;
        }
    }

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** The table of CICC-ZY/GZ-20 §10.6, continued by decade above 10 kg (its last row) and below 10 g (decision). */
    public static final LabelRounding CICC_ZY_GZ_20 = new LabelRounding("CICC-ZY/GZ-20 §10.6", List.of(
            band(10, 20, 1), band(20, 40, 2), band(40, 100, 5), band(100, 200, 10), band(200, 400, 20),
            band(400, 1000, 50), band(1000, 2000, 100), band(2000, 4000, 200), band(4000, 10000, 500)), true);

    public LabelRounding {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a label rounding table needs at least one band");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).aboveGrams().compareTo(bands.get(i - 1).upToGrams()) != 0) {
                throw new IllegalArgumentException("rounding bands must be ascending and contiguous: band " + (i + 1)
                        + " starts at " + bands.get(i).aboveGrams() + " g, the previous ends at " + bands.get(i - 1).upToGrams() + " g");
            }
        }
        if (extendByDecade) {
            BigDecimal ratio = bands.get(bands.size() - 1).upToGrams().divide(bands.get(0).aboveGrams().signum() == 0
                    ? BigDecimal.ONE : bands.get(0).aboveGrams(), MathContext.DECIMAL64).stripTrailingZeros();
            if (bands.get(0).aboveGrams().signum() == 0 || ratio.unscaledValue().compareTo(java.math.BigInteger.ONE) != 0
                    || ratio.scale() > 0) {
                throw new IllegalArgumentException("extending a rounding table by decade needs bands covering whole decades, "
                        + "from a positive lower bound (upTo / above = 10, 100, 1000 …)");
            }
        }
    }

    public static Band band(double aboveGrams, double upToGrams, double stepGrams) {
        return new Band(new BigDecimal(Double.toString(aboveGrams)).stripTrailingZeros(),
                new BigDecimal(Double.toString(upToGrams)).stripTrailingZeros(),
                new BigDecimal(Double.toString(stepGrams)).stripTrailingZeros());
    }

    /**
     * Reads a table from text (the CLI's {@code --label-rounding FILE}): one band a line as
     * {@code aboveGrams upToGrams stepGrams} (whitespace or commas between), the line {@code extend-by-decade} to
     * continue the table by decade; {@code #} starts a comment.
     */
    public static LabelRounding parse(String name, List<String> lines) {
        List<Band> bands = new ArrayList<>();
        boolean extend = false;
        int no = 0;
        for (String raw : lines) {
            no++;
            String l = raw.replaceAll("#.*", "").trim();
            if (l.isEmpty()) {
                continue;
            }
            if (l.toLowerCase(Locale.ROOT).equals("extend-by-decade")) {
                extend = true;
                continue;
            }
            String[] f = l.split("[\\s,;]+");
            if (f.length != 3) {
                throw new IllegalArgumentException(name + " line " + no + ": expected 'aboveGrams upToGrams stepGrams', was '" + raw + "'");
            }
            try {
                bands.add(new Band(new BigDecimal(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + no + ": not a number in '" + raw + "'");
            }
        }
        return new LabelRounding(name, bands, extend);
    }

    /** Rounds a value given in kg CO2e; null if the value is outside a table that is not extended. */
    public LabelValue roundKg(double kgCo2e) {
        if (!Double.isFinite(kgCo2e)) {
            throw new IllegalArgumentException("cannot round a footprint that is not a finite number: " + kgCo2e);
        }
        return roundGrams(new BigDecimal(Double.toString(kgCo2e)).multiply(THOUSAND));
    }

    public LabelValue roundGrams(BigDecimal grams) {
        if (grams.signum() == 0) {
            return new LabelValue(BigDecimal.ZERO, BigDecimal.ONE, "0 g CO2e", name);
        }
        BigDecimal v = grams.abs();
        BigDecimal step = step(v);
        if (step == null) {
            return null;
        }
        BigDecimal rounded = v.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        if (grams.signum() < 0) {
            rounded = rounded.negate();
        }
        return new LabelValue(rounded.stripTrailingZeros(), step.stripTrailingZeros(), text(rounded, step), name);
    }

    /** The rounding step (in g) for a positive value in g, or null outside a table that is not extended. */
    BigDecimal step(BigDecimal v) {
        for (Band b : bands) {
            if (b.covers(v)) {
                return b.stepGrams();
            }
        }
        if (!extendByDecade) {
            return null;
        }
        BigDecimal low = bands.get(0).aboveGrams();
        BigDecimal high = bands.get(bands.size() - 1).upToGrams();
        int shift = 0;
        BigDecimal w = v;
        while (w.compareTo(high) > 0) {
            w = w.movePointLeft(1);
            shift++;
        }
        while (w.compareTo(low) <= 0) {
            w = w.movePointRight(1);
            shift--;
        }
        for (Band b : bands) {
            if (b.covers(w)) {
                return b.stepGrams().scaleByPowerOfTen(shift);
            }
        }
        return null;
    }

    private static String text(BigDecimal grams, BigDecimal step) {
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
