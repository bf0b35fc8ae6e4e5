package cn.cfp.calc.model;

/**
 * Distribution of one datum for Monte Carlo (R-CALC-9), relative to its stated value v:
 * LOGNORMAL(gsd): v·exp(N(0, ln gsd)) (gsd = geometric standard deviation, ≥ 1; the pedigree matrix gives GSD²);
 * NORMAL(sd): N(v, sd); UNIFORM(min, max); TRIANGULAR(min, mode, max) — bounds in the datum's own unit.
 */
public record Uncertainty(Kind kind, double a, double b, double c) {

    public enum Kind { LOGNORMAL, NORMAL, UNIFORM, TRIANGULAR }

    public Uncertainty {
        Check.notNull(kind, "distribution type");
        switch (kind) {
            case LOGNORMAL -> {
                if (!(a >= 1) || !Double.isFinite(a)) {
                    throw new InvalidInventoryException("lognormal geometric standard deviation must be ≥ 1, was " + a);
                }
            }
            case NORMAL -> Check.nonNegative(a, "normal standard deviation");
            case UNIFORM -> {
                if (!(a <= b)) {
                    throw new InvalidInventoryException("uniform distribution needs min ≤ max, was " + a + " > " + b);
                }
            }
            case TRIANGULAR -> {
                if (!(a <= b && b <= c)) {
                    throw new InvalidInventoryException("triangular distribution needs min ≤ mode ≤ max, was "
                            + a + ", " + b + ", " + c);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    public static Uncertainty lognormal(double gsd) {
        return new Uncertainty(Kind.LOGNORMAL, gsd, 0, 0);
    }
}
