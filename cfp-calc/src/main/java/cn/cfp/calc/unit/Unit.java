package cn.cfp.calc.unit;

import java.util.Objects;

/**
 * A unit of measurement: {@code amountInBase = amount * toBase}.
 *
 * @param symbol    canonical symbol, e.g. {@code kWh}
 * @param dimension what the unit measures
 * @param toBase    factor to the dimension's base unit (kWh → MJ: 3.6)
 */
public record Unit(String symbol, Dimension dimension, double toBase) {

    public Unit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dimension, "dimension");
        if (!(toBase > 0) || Double.isInfinite(toBase)) {
            throw new IllegalArgumentException("unit '" + symbol + "': factor to base must be positive and finite, was " + toBase);
        }
    }

    public boolean isCompatibleWith(Unit other) {
        return dimension == other.dimension;
    }

    /** Factor f such that an amount in this unit times f is the amount in {@code target}. */
    public double factorTo(Unit target) {
        if (!isCompatibleWith(target)) {
            throw new IncompatibleUnitException(this, target);
        }
        return this == target || symbol.equals(target.symbol) ? 1.0 : toBase / target.toBase;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
