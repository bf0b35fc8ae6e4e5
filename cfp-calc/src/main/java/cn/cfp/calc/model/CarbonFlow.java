package cn.cfp.calc.model;

import cn.cfp.calc.unit.Quantity;

/** A material entering or leaving a mass balance, with its carbon mass fraction (0..1). */
public record CarbonFlow(String name, Quantity mass, double carbonFraction) {

    public CarbonFlow {
        name = Check.text(name, "carbon flow name");
        Check.notNull(mass, "mass of '" + name + "'");
        Check.nonNegative(mass.amount(), "mass of '" + name + "'");
        if (!(carbonFraction >= 0 && carbonFraction <= 1)) {
            throw new InvalidInventoryException("carbon fraction of '" + name + "' must be between 0 and 1, was " + carbonFraction);
        }
    }
}
