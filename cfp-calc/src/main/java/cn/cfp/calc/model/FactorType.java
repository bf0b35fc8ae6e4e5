package cn.cfp.calc.model;

/** Kind of emission factor, in priority order (R-CALC-4, 004 §6.2): measured > supplier > regional > national > international. */
public enum FactorType {
    MEASURED, SUPPLIER, REGIONAL, NATIONAL, INTERNATIONAL;

    /** Site-specific (primary) data; everything else is secondary and subject to the R-CALC-7 penalty. */
    public boolean primary() {
        return this == MEASURED || this == SUPPLIER;
    }
}
