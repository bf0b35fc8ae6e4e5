package cn.cfp.scheme;

import java.util.Locale;

/** A man-day rule that does not depend on a count, e.g. "document review ≥ 0.5" [001 §9.3.1]. */
public record ManDayRule(ManDayActivity activity, ManDayRange manDays, LocalizedText note) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        return activity.label(locale) + " " + manDays.text();
    }
}
