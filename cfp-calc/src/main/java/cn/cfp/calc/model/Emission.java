package cn.cfp.calc.model;

import cn.cfp.calc.unit.Quantity;

/**
 * A direct emission (or, with {@code removal}, a removal) of one gas, measured or calculated on site
 * (R-CALC-1). The amount is a mass of gas per reference output of the process; it is never negative —
 * a removal is marked as such and counted negative.
 */
public record Emission(String name, String gas, Quantity amount, Origin origin, boolean removal, Stage stage,
                       boolean primary, DataQuality quality, Uncertainty uncertainty) {

    public Emission {
        gas = Check.text(gas, "emission gas");
        name = name == null || name.isBlank() ? gas : name.trim();
        Check.notNull(amount, "amount of emission '" + name + "'");
        Check.nonNegative(amount.amount(), "amount of emission '" + name + "' (use removal=true for uptakes)");
        origin = origin == null ? Origin.FOSSIL : origin;
        quality = quality == null ? DataQuality.NONE : quality;
    }
}
