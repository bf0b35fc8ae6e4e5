package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Surveillance schedule [R-SURV-1]. Null fields are not stated.
 *
 * @param firstWithinMonths  first surveillance within N months of issue [001 §11]
 * @param firstAtMonth       first surveillance in month N after issue [003 ¶83]
 * @param maxIntervalMonths  maximum months between two surveillances
 * @param noticeMonthsAhead  surveillance notice at least N months ahead [001 §11]
 * @param extraOrUnannouncedAllowed  extra and/or unannounced surveillance on complaints, doubts, changes [000 §8.1]
 */
public record SurveillancePolicy(Integer firstWithinMonths, Integer firstAtMonth, Integer maxIntervalMonths,
                                 Integer noticeMonthsAhead, Boolean extraOrUnannouncedAllowed,
                                 LocalizedText description) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (firstWithinMonths != null) {
            j.add(Texts.pick(locale, "首次 ≤ 发证后 " + firstWithinMonths + " 个月", "first ≤ " + firstWithinMonths + " months after issue"));
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
        if (Boolean.TRUE.equals(extraOrUnannouncedAllowed)) {
            j.add(Texts.pick(locale, "可增加频次/不预先通知", "may be more frequent / unannounced"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
