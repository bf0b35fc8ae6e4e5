package cn.cfp.calc.model;

/** kg of one gas (or of CO2e) per unit of activity, with its origin. Negative values are removals. */
public record GasAmount(String gas, double amount, Origin origin) {

    public GasAmount {
        gas = Check.text(gas, "gas name");
        Check.finite(amount, "amount of gas '" + gas + "'");
        origin = origin == null ? Origin.FOSSIL : origin;
    }
}
