package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.Objects;

/** A number of man-days: exactly {@code min} (max equal), at least {@code min} (max null), or a range. */
public record ManDayRange(BigDecimal min, BigDecimal max) {

    public ManDayRange {
        Objects.requireNonNull(min, "min");
    }

    public static ManDayRange exactly(BigDecimal v) {
        return new ManDayRange(v, v);
    }

    public boolean atLeast() {
        return max == null;
    }

    public String text() {
        if (max == null) {
            return "≥ " + Texts.num(min);
        }
        return min.compareTo(max) == 0 ? Texts.num(min) : Texts.num(min) + "–" + Texts.num(max);
    }
}
