package cn.cfp.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A working-day computation and the years it had to assume Monday-Friday for because no official
 * arrangement is configured. A non-empty {@code unconfiguredYears} must be shown to the user.
 */
public record WorkingDays(LocalDate date, SortedSet<Integer> unconfiguredYears) {

    public WorkingDays {
        unconfiguredYears = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unconfiguredYears));
    }

    public boolean exact() {
        return unconfiguredYears.isEmpty();
    }
}
