package cn.cfp.calc.model;

import cn.cfp.calc.label.LabelRounding;

/**
 * Scheme parameters applied to a calculation (schemes are data: the values come from the scheme definition).
 *
 * @param cutOffPercent         largest allowed excluded mass, % of product mass (R-CALC-5; default 5)
 * @param secondaryDataPenalty  conservative penalty on secondary (non-site) data as a fraction, e.g. 0.10 adds 10 %
 *                              of the secondary-data emissions (R-CALC-7; default 0)
 * @param maximumDqr            worst acceptable DQR of a datum (PEF scale, lower is better; null = no minimum
 *                              quality required); data above it are reported unusable (R-CALC-6)
 * @param labelRounding         the scheme's label rounding table (R-CALC-12), or null: no label value is computed.
 *                              Only a scheme with a rounding table (CICC-ZY/GZ-20 §10.6) passes one; an inventory
 *                              file never sets it
 */
public record Rules(double cutOffPercent, double secondaryDataPenalty, Double maximumDqr, LabelRounding labelRounding) {

    public static final Rules DEFAULT = new Rules(5.0, 0.0, null, null);

    public Rules {
        Check.nonNegative(cutOffPercent, "cut-off limit (%)");
        Check.nonNegative(secondaryDataPenalty, "secondary-data penalty");
        if (maximumDqr != null && !(maximumDqr >= 1 && maximumDqr <= 5)) {
            throw new InvalidInventoryException("maximum DQR must be between 1 and 5, was " + maximumDqr);
        }
    }

    /** Rules without a label rounding table. */
    public Rules(double cutOffPercent, double secondaryDataPenalty, Double maximumDqr) {
        this(cutOffPercent, secondaryDataPenalty, maximumDqr, null);
    }

    public Rules withLabelRounding(LabelRounding table) {
        return new Rules(cutOffPercent, secondaryDataPenalty, maximumDqr, table);
    }
}
