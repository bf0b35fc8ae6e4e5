package cn.cfp.calc.model;

import cn.cfp.calc.unit.Quantity;

/**
 * An input of a process: linked to another process's output ({@code provider}, optionally {@code providerOutput}),
 * to an emission factor ({@code factor}), or to a flow for which the priority rule picks a factor ({@code flow}).
 * An excluded input is left out under the cut-off rule (R-CALC-5) and must be in a mass unit.
 *
 * @param stage life-cycle stage of this input's burden; null = the process's stage
 */
public record Input(String name, Quantity amount, String provider, String providerOutput, String factor, String flow,
                    Stage stage, boolean excluded, String exclusionReason, DataQuality quality, Uncertainty uncertainty) {

    public Input {
        name = Check.text(name, "input name");
        Check.notNull(amount, "amount of input '" + name + "'");
        Check.nonNegative(amount.amount(), "amount of input '" + name + "'");
        quality = quality == null ? DataQuality.NONE : quality;
        int links = (provider != null ? 1 : 0) + (factor != null ? 1 : 0) + (flow != null ? 1 : 0);
        if (!excluded && links != 1) {
            throw new InvalidInventoryException("input '" + name + "' must be linked to exactly one of provider, "
                    + "factor or flow (has " + links + ")");
        }
    }
}
