package cn.cfp.calc.footprint;

import java.util.List;

/** Which emission factor served an input and why (R-CALC-4). */
public record FactorChoice(String process, String input, String flow, String chosen, String reason, List<String> candidates) {
}
