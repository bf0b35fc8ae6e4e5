package cn.cfp.calc.label;

/**
 * R-CALC-11: the new footprint against the previously certified one. CNCA-CFP-00 Annex 1 §11.1 says the
 * certification becomes invalid when, lasting more than three months ("持续超过三个月以上"),
 * (1) an unplanned change ("计划外变化") increases the footprint by 10 % or more ("增加10%以上"), or
 * (2) a planned change ("计划内变化") increases it by 5 % or more ("增加5%以上").
 * We read "以上" as including the number itself (Civil Code of the PRC, Art. 1259: "以上…包括本数"), so an increase of
 * exactly 10 % (unplanned) or 5 % (planned) counts, and "超过三个月" strictly: more than 3 months.
 */
public final class PeriodComparison {

    public static final double PLANNED_LIMIT_PERCENT = 5.0;
    public static final double UNPLANNED_LIMIT_PERCENT = 10.0;

    /** What the change means for the certificate. */
    public enum Verdict {
        DECREASED, UNCHANGED, INCREASE_WITHIN_LIMIT, INCREASE_AT_OR_ABOVE_LIMIT_NOT_YET_LASTING, CERTIFICATE_INVALID
    }

    public record Outcome(double previousKg, double currentKg, double changePercent, boolean planned,
                          double limitPercent, int monthsLasting, Verdict verdict, String explanation) {
    }

    private PeriodComparison() {
    }

    public static Outcome compare(double previousKg, double currentKg, boolean planned, int monthsLasting) {
        if (!(previousKg > 0) || !Double.isFinite(previousKg)) {
            throw new IllegalArgumentException("previous certified footprint must be positive, was " + previousKg);
        }
        if (!Double.isFinite(currentKg)) {
            throw new IllegalArgumentException("current footprint must be a finite number, was " + currentKg);
        }
        if (monthsLasting < 0) {
            throw new IllegalArgumentException("months lasting must not be negative, was " + monthsLasting);
        }
        double change = (currentKg - previousKg) / previousKg * 100.0;
        // compare on a value rounded to 1e-9 % so that 5 % computed as 4.999999999 still counts
        double c = Math.round(change * 1e9) / 1e9;
        double limit = planned ? PLANNED_LIMIT_PERCENT : UNPLANNED_LIMIT_PERCENT;
        String kind = planned ? "planned" : "unplanned";
        Verdict v;
        String why;
        if (c < 0) {
            v = Verdict.DECREASED;
            why = "footprint decreased by " + fmt(-change) + " %";
        } else if (c == 0) {
            v = Verdict.UNCHANGED;
            why = "footprint unchanged";
        } else if (c < limit) {
            v = Verdict.INCREASE_WITHIN_LIMIT;
            why = "increase of " + fmt(change) + " % after a " + kind + " change is below the " + fmt(limit) + " % limit";
        } else if (monthsLasting <= 3) {
            v = Verdict.INCREASE_AT_OR_ABOVE_LIMIT_NOT_YET_LASTING;
            why = "increase of " + fmt(change) + " % after a " + kind + " change reaches the " + fmt(limit)
                    + " % limit but has lasted " + monthsLasting + " month(s), not more than 3";
        } else {
            v = Verdict.CERTIFICATE_INVALID;
            why = "increase of " + fmt(change) + " % after a " + kind + " change reaches the " + fmt(limit)
                    + " % limit and has lasted " + monthsLasting + " months (> 3): certification invalid, "
                    + "re-certification needed (CNCA-CFP-00 Annex 1 §11.1)";
        }
        return new Outcome(previousKg, currentKg, change, planned, limit, monthsLasting, v, why);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
