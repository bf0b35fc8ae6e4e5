package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The 5 %/10 % rule [R-LIFE-6]: a rise from an unplanned change above {@code unplannedPercent} or from a planned
 * change of {@code plannedPercent} or more, lasting more than {@code minDurationMonths}, ends the certificate's validity.
 */
public record FootprintIncreaseRule(BigDecimal unplannedPercent, BigDecimal plannedPercent, Integer minDurationMonths,
                                    StatusAction ifNoReReviewRequested, StatusAction ifReReviewRefused,
                                    LocalizedText consequence) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        j.add(Texts.pick(locale,
                "计划外 +" + Texts.num(unplannedPercent) + "% / 计划内 +" + Texts.num(plannedPercent) + "%，持续 > " + minDurationMonths + " 个月",
                "unplanned +" + Texts.num(unplannedPercent) + " % / planned +" + Texts.num(plannedPercent) + " %, > " + minDurationMonths + " months"));
        Texts.add(j, Texts.text(consequence, locale));
        if (ifNoReReviewRequested != null) {
            j.add(Texts.pick(locale, "未申请复查则" + ifNoReReviewRequested.label(locale),
                    ifNoReReviewRequested.label(locale) + " if no re-review is requested"));
        }
        if (ifReReviewRefused != null) {
            j.add(Texts.pick(locale, "拒绝复查则" + ifReReviewRefused.label(locale),
                    ifReReviewRefused.label(locale) + " if re-review is refused"));
        }
        return j.toString();
    }
}
