package cn.cfp.calendar;

import cn.cfp.shared.Localized;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/** A day of the week as a reason argument: 星期三, Wednesday. */
record Weekday(DayOfWeek day) implements Localized {

    @Override
    public String label(Locale locale) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    @Override
    public String toString() {
        return day.name();
    }
}
