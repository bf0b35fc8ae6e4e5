package cn.cfp.calc.model;

/**
 * Scheme parameters applied to a calculation (schemes are data: the values come from the scheme definition).
 *
 * @param cutOffPercent         largest allowed excluded mass, % of product mass (R-CALC-5; default 5)
 * @param secondaryDataPenalty  conservative penalty on secondary (non-site) data as a fraction, e.g. 0.10 adds 10 %
 *                              of the secondary-data emissions (R-CALC-7; default 0)
 * @param maximumDqr            worst acceptable DQR of a datum (PEF scale, lower is better; null = no minimum
 *                              quality required); data above it are reported unusable (R-CALC-6)
 */
public record Rules(double cutOffPercent, double secondaryDataPenalty, Double maximumDqr) {

    public static final Rules DEFAULT = new Rules(5.0, 0.0, null);

    public Rules {
        Check.nonNegative(cutOffPercent, "cut-off limit (%)");
        Check.nonNegative(secondaryDataPenalty, "secondary-data penalty");
        if (maximumDqr != null && !(maximumDqr >= 1 && maximumDqr <= 5)) {
            throw new InvalidInventoryException("maximum DQR must be between 1 and 5, was " + maximumDqr);
        }
    }
}
