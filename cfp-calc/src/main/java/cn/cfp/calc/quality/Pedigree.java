package cn.cfp.calc.quality;

import cn.cfp.calc.model.PedigreeScores;

/**
 * Pedigree-matrix uncertainty (R-CALC-6, R-CALC-9). Additional variances of ln(x) per indicator and score 1..5,
 * as in the ecoinvent v3 data-quality guideline (Weidema B.P. et al., 2013, "Overview and methodology. Data quality
 * guideline for the ecoinvent database version 3", ecoinvent Report 1(v3), St. Gallen), which is equivalent to the
 * uncertainty factors U = exp(2σ) of 1.00/1.05/1.10/1.20/1.50 (reliability), 1.00/1.02/1.05/1.10/1.20 (completeness),
 * 1.00/1.03/1.10/1.20/1.50 (temporal), 1.00/1.01/1.02/1.05/1.10 (geographical), 1.00/1.05/1.20/1.50/2.00 (further
 * technological correlation). Total: σ² = σ²(basic) + Σ σ²(indicator); GSD = exp(σ), GSD² = exp(2σ).
 */
public final class Pedigree {

    static final double[] RELIABILITY = {0, 0.0006, 0.002, 0.008, 0.04};
    static final double[] COMPLETENESS = {0, 0.0001, 0.0006, 0.002, 0.008};
    static final double[] TEMPORAL = {0, 0.0002, 0.002, 0.008, 0.04};
    static final double[] GEOGRAPHICAL = {0, 0.000025, 0.0001, 0.0006, 0.002};
    static final double[] TECHNOLOGICAL = {0, 0.0006, 0.008, 0.04, 0.12};

    private Pedigree() {
    }

    /** Variance of ln(x) added by the pedigree scores. */
    public static double variance(PedigreeScores s) {
        return RELIABILITY[s.reliability() - 1] + COMPLETENESS[s.completeness() - 1] + TEMPORAL[s.temporal() - 1]
                + GEOGRAPHICAL[s.geographical() - 1] + TECHNOLOGICAL[s.technological() - 1];
    }

    /** Geometric standard deviation from the basic variance and the pedigree scores. */
    public static double gsd(PedigreeScores s, double basicVariance) {
        return Math.exp(Math.sqrt(basicVariance + variance(s)));
    }

    /** GSD², the factor of the 95 % interval [median/GSD², median·GSD²]. */
    public static double gsdSquared(PedigreeScores s, double basicVariance) {
        double g = gsd(s, basicVariance);
        return g * g;
    }
}
