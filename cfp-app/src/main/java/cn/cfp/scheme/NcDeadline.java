package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/** Deadline to close surveillance nonconformities and what happens when it is missed [R-NC-3]. */
public record NcDeadline(Integer months, StatusAction onMiss, LocalizedText description) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (months != null) {
            j.add(Texts.pick(locale, months + " 个月内整改", "close within " + months + " months"));
        }
        if (onMiss != null) {
            j.add(Texts.pick(locale, "否则" + onMiss.label(locale), "else " + onMiss.label(locale)));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
