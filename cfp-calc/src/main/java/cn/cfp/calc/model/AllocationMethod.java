package cn.cfp.calc.model;

/** How a multi-output process shares its burdens among its outputs (R-CALC-8). */
public enum AllocationMethod {
    /** Shares from the outputs' masses (all outputs in mass units) unless given explicitly. */
    MASS,
    /** Shares from amount × price unless given explicitly. */
    ECONOMIC,
    /** Shares given explicitly from another physical relationship (energy content, volume, …). */
    PHYSICAL
}
