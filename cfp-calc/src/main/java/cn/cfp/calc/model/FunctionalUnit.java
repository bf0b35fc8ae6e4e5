package cn.cfp.calc.model;

import cn.cfp.calc.unit.Quantity;

/**
 * Functional or declared unit: {@code amount} of output {@code flow} (default: the first) of process {@code process}.
 *
 * @param productMass mass of one functional unit of product, the basis of the cut-off rule (R-CALC-5); may be null
 */
public record FunctionalUnit(String description, Quantity amount, String process, String flow, Quantity productMass) {

    public FunctionalUnit {
        description = description == null ? "" : description.trim();
        Check.notNull(amount, "functional unit amount");
        if (!(amount.amount() > 0)) {
            throw new InvalidInventoryException("functional unit amount must be positive, was " + amount);
        }
        process = Check.text(process, "functional unit: reference process");
        if (productMass != null && !(productMass.amount() > 0)) {
            throw new InvalidInventoryException("functional unit: product mass must be positive, was " + productMass);
        }
    }
}
