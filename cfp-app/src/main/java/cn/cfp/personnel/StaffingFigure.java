package cn.cfp.personnel;

import java.util.List;

/**
 * R-PER-4: full-time CFP staff with at least {@code minYears} years' experience, against the {@code required} number
 * of the general rules [000 §2.4].
 */
public record StaffingFigure(int count, int required, int minYears, List<String> names, String cite) {

    public boolean met() {
        return count >= required;
    }
}
