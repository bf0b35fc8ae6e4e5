package cn.cfp.scheme;

import java.util.Locale;

/**
 * A man-day rule that does not depend on a count, e.g. "document review ≥ 0.5" [001 §9.3.1].
 *
 * @param perProject the rule counts once for the whole application, whatever the table's basis (CGC document review
 *                   "一般需要 10-15 个人日" is not said per unit, 003 ¶46; decision D5)
 * @param guide      the range is a guide, not a floor: any figure may be planned, one outside the range is flagged
 *                   ("一般", decision D5)
 */
public record ManDayRule(ManDayActivity activity, ManDayRange manDays, LocalizedText note, boolean perProject,
                         boolean guide) implements Summarizable {

    public ManDayRule(ManDayActivity activity, ManDayRange manDays, LocalizedText note) {
        this(activity, manDays, note, false, false);
    }

    @Override
    public String summary(Locale locale) {
        return activity.label(locale) + " " + manDays.text()
                + (perProject ? Texts.pick(locale, "（每个项目）", " (per project)") : "")
                + (guide ? Texts.pick(locale, "（参考值）", " (guide)") : "");
    }
}
