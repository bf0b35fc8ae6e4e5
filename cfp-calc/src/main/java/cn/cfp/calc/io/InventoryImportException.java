package cn.cfp.calc.io;

import cn.cfp.calc.model.InvalidInventoryException;
import java.util.List;

/**
 * An Excel inventory could not be imported (R-CALC-13). Carries every error found, each naming the sheet, the row
 * (as Excel numbers it) and the column, e.g. {@code sheet 'inputs' row 7 column 'unit': unknown unit 'kgg'}.
 */
public class InventoryImportException extends InvalidInventoryException {

    private final List<String> errors;

    public InventoryImportException(String source, List<String> errors) {
        super(source + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "\n  "
                + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /** All errors, in sheet and row order. */
    public List<String> errors() {
        return errors;
    }
}
