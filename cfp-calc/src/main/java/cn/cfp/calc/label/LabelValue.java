package cn.cfp.calc.label;

import java.math.BigDecimal;

/**
 * A footprint rounded for the label (R-CALC-12).
 *
 * @param grams     rounded value in g CO2e
 * @param stepGrams rounding step used, in g
 * @param text      as printed: "g", "kg" or "t" CO2e with the step's decimals
 * @param table     the rounding table's name, e.g. "CICC-ZY/GZ-20 §10.6"
 */
public record LabelValue(BigDecimal grams, BigDecimal stepGrams, String text, String table) {
}
