package cn.cfp.calc.model;

/** Validation helpers whose messages name the offending item. */
final class Check {

    private Check() {
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInventoryException(what + " is missing");
        }
        return value.trim();
    }

    static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new InvalidInventoryException(what + " must be a finite number, was " + value);
        }
        return value;
    }

    static double nonNegative(double value, String what) {
        finite(value, what);
        if (value < 0) {
            throw new InvalidInventoryException(what + " must not be negative, was " + value);
        }
        return value;
    }

    static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new InvalidInventoryException(what + " is missing");
        }
        return value;
    }

    static <T> java.util.List<T> list(java.util.List<T> value) {
        return value == null ? java.util.List.of() : java.util.List.copyOf(value);
    }
}
