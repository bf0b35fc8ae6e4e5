package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Surveillance schedule [R-SURV-1]. Null fields are not stated.
 *
 * @param firstWithinMonths  first surveillance within N months of issue [001 §11]
 * @param firstRecommended   the first-surveillance month is a recommendation ("宜", 001 §11), not a limit; the binding
 *                           rule is then the interval (corrections A-12)
 * @param firstAtMonth       first surveillance in month N after issue [003 ¶83]
 * @param maxIntervalMonths  maximum months between two surveillances
 * @param noticeMonthsAhead  surveillance notice at least N months ahead [001 §11]
 * @param extraAllowed       surveillance earlier or more often on complaints, doubts, changes [000 §8.1; 003 ¶83]
 * @param unannouncedAllowed surveillance without notice in those cases [000 §8.1; 002 §6.1]; null when the rules do
 *                           not say (003 ¶83 speaks only of earlier or more frequent visits, corrections A-10)
 */
public record SurveillancePolicy(Integer firstWithinMonths, Boolean firstRecommended, Integer firstAtMonth,
                                 Integer maxIntervalMonths, Integer noticeMonthsAhead, Boolean extraAllowed,
                                 Boolean unannouncedAllowed, LocalizedText description) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (firstWithinMonths != null) {
            j.add(Boolean.TRUE.equals(firstRecommended)
                    ? Texts.pick(locale, "首次宜在发证后 " + firstWithinMonths + " 个月内", "first should be within " + firstWithinMonths + " months after issue")
                    : Texts.pick(locale, "首次 ≤ 发证后 " + firstWithinMonths + " 个月", "first ≤ " + firstWithinMonths + " months after issue"));
        }
        if (firstAtMonth != null) {
            j.add(Texts.pick(locale, "首次在第 " + firstAtMonth + " 个月", "first in month " + firstAtMonth));
        }
        if (maxIntervalMonths != null) {
            j.add(Texts.pick(locale, "间隔 ≤ " + maxIntervalMonths + " 个月", "interval ≤ " + maxIntervalMonths + " months"));
        }
        if (noticeMonthsAhead != null) {
            j.add(Texts.pick(locale, "至少提前 " + noticeMonthsAhead + " 个月通知", "notice ≥ " + noticeMonthsAhead + " months ahead"));
        }
        if (Boolean.TRUE.equals(extraAllowed)) {
            j.add(Texts.pick(locale, "可提前或增加频次", "may be earlier or more frequent"));
        }
        if (Boolean.TRUE.equals(unannouncedAllowed)) {
            j.add(Texts.pick(locale, "可不预先通知", "may be unannounced"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
