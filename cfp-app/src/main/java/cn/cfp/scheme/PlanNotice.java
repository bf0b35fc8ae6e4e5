package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/** When the on-site verification plan goes to the client [R-PLAN-6]. */
public record PlanNotice(Integer minWorkingDaysBefore, Boolean clientConfirmation, LocalizedText description)
        implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (minWorkingDaysBefore != null) {
            j.add(Texts.pick(locale, "现场前 ≥ " + minWorkingDaysBefore + " 个工作日发给委托方",
                    "to the client ≥ " + minWorkingDaysBefore + " working day(s) before the visit"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
