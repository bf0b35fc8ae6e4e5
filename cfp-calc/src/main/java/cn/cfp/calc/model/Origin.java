package cn.cfp.calc.model;

/** Origin of a greenhouse-gas emission or removal, reported separately (ISO 14067 §6.4.9). */
public enum Origin {
    FOSSIL, BIOGENIC, DLUC;

    /** Methane GWP: only fossil methane carries the CO2 of its oxidation. */
    public boolean fossil() {
        return this == FOSSIL;
    }
}
