package cn.cfp.calc.unit;

/** Thrown when an amount would be converted across dimensions (kWh to kg): never done silently. */
public final class IncompatibleUnitException extends IllegalArgumentException {

    public IncompatibleUnitException(Unit from, Unit to) {
        super("unit '" + from.symbol() + "' (" + from.dimension().name().toLowerCase()
                + ") is not compatible with '" + to.symbol() + "' (" + to.dimension().name().toLowerCase() + ")");
    }
}
