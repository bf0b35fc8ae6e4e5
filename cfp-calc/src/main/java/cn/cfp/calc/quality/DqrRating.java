package cn.cfp.calc.quality;

/**
 * PEF overall data-quality rating from the DQR (R-CALC-6): excellent ≤ 1.6, very good 1.6–2.0, good 2.0–3.0,
 * fair 3.0–4.0, poor > 4 (PEF method, Commission Recommendation (EU) 2021/2279, Annex I, Table "Overall data quality
 * level according to the achieved data quality rating"). Boundaries belong to the better class.
 */
public enum DqrRating {
    EXCELLENT(1.6), VERY_GOOD(2.0), GOOD(3.0), FAIR(4.0), POOR(5.0);

    private final double upperBound;

    DqrRating(double upperBound) {
        this.upperBound = upperBound;
    }

    /** Largest DQR that still earns this rating. */
    public double upperBound() {
        return upperBound;
    }

    public static DqrRating of(double dqr) {
        if (!(dqr >= 1 && dqr <= 5)) {
            throw new IllegalArgumentException("DQR must be between 1 and 5, was " + dqr);
        }
        for (DqrRating r : values()) {
            if (dqr <= r.upperBound + 1e-12) {
                return r;
            }
        }
        return POOR;
    }
}
