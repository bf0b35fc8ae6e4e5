package cn.cfp.calc.model;

import cn.cfp.calc.unit.Quantity;

/**
 * A product output of a process.
 *
 * @param allocationPercent share of the process's burdens in % (null: derived from the allocation method)
 * @param price             price per unit of output, for economic allocation (null if not used)
 */
public record Output(String flow, Quantity amount, Double allocationPercent, Double price) {

    public Output {
        flow = Check.text(flow, "output flow name");
        Check.notNull(amount, "amount of output '" + flow + "'");
        if (!(amount.amount() > 0)) {
            throw new InvalidInventoryException("output '" + flow + "': amount must be positive, was " + amount);
        }
        if (allocationPercent != null) {
            Check.nonNegative(allocationPercent, "allocation share of output '" + flow + "'");
        }
        if (price != null) {
            Check.nonNegative(price, "price of output '" + flow + "'");
        }
    }
}
