package cn.cfp.calc.footprint;

import cn.cfp.calc.model.Uncertainty;

/** An uncertain datum of the inventory: Monte Carlo multiplies everything that uses it by draw / value. */
record Param(String name, double value, Uncertainty uncertainty) {
}
