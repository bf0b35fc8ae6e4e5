package cn.cfp.calc.model;

/**
 * PEF data-quality ratings of one datum, each 1 (best) to 5 (worst): technological (TeR), geographical (GeR) and
 * time (TiR) representativeness and precision (P). DQR = (TeR + GeR + TiR + P) / 4 (PEF method, EU Recommendation
 * 2021/2279 Annex I §4.6.5; R-CALC-6).
 */
public record DqrScores(double ter, double ger, double tir, double p) {

    public DqrScores {
        for (double v : new double[] {ter, ger, tir, p}) {
            if (!(v >= 1 && v <= 5)) {
                throw new InvalidInventoryException("DQR scores TeR, GeR, TiR and P must be between 1 and 5, were "
                        + ter + ", " + ger + ", " + tir + ", " + p);
            }
        }
    }

    public double dqr() {
        return (ter + ger + tir + p) / 4;
    }
}
