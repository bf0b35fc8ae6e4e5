package cn.cfp.calc.unit;

import java.util.Objects;

/** An amount with its unit. The amount must be a finite number. */
public record Quantity(double amount, Unit unit) {

    public Quantity {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be a finite number, was " + amount + " " + unit.symbol());
        }
    }

    public static Quantity of(double amount, String unit) {
        return new Quantity(amount, Units.of(unit));
    }

    /** This quantity in {@code target}; refused across dimensions. */
    public Quantity to(Unit target) {
        return new Quantity(amount * unit.factorTo(target), target);
    }

    public double in(Unit target) {
        return amount * unit.factorTo(target);
    }

    @Override
    public String toString() {
        return amount + " " + unit.symbol();
    }
}
