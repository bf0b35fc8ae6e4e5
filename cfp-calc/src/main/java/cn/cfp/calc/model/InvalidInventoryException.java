package cn.cfp.calc.model;

/** The inventory cannot be calculated; the message names the item and says what is wrong. */
public class InvalidInventoryException extends IllegalArgumentException {

    public InvalidInventoryException(String message) {
        super(message);
    }
}
