package cn.cfp.calc.model;

/**
 * Quality of one datum: PEF DQR scores and/or a pedigree score with the basic uncertainty (variance of the
 * underlying normal, σ², of ln x; ecoinvent v3). Any part may be null.
 */
public record DataQuality(DqrScores dqr, PedigreeScores pedigree, Double basicVariance) {

    public DataQuality {
        if (basicVariance != null && !(basicVariance >= 0 && Double.isFinite(basicVariance))) {
            throw new InvalidInventoryException("basic uncertainty variance must be a finite number ≥ 0, was " + basicVariance);
        }
    }

    public static final DataQuality NONE = new DataQuality(null, null, null);
}
