package cn.cfp.scheme;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The 5 %/10 % rule [R-LIFE-6]: a rise of {@code unplannedPercent} or more from an unplanned change, or of
 * {@code plannedPercent} or more from a planned change, lasting more than {@code minDurationMonths} (or at least that
 * long when {@code durationInclusive}), ends the certificate's validity. Both percentages are inclusive: "以上" includes
 * the number [decision D3; 000 Ann. 1 §11.1 "增加 10%以上/5%以上"; 003 ¶86 "10%及以上"; 004 §9.9.1(2) "5%（含）以上"];
 * "超过三个月" excludes it, CICC's "历时 3 个月以上" includes it (corrections A-5, B-15).
 */
public record FootprintIncreaseRule(BigDecimal unplannedPercent, BigDecimal plannedPercent, Integer minDurationMonths,
                                    StatusAction ifNoReReviewRequested, StatusAction ifReReviewRefused,
                                    LocalizedText consequence, boolean durationInclusive) implements Summarizable {

    public FootprintIncreaseRule(BigDecimal unplannedPercent, BigDecimal plannedPercent, Integer minDurationMonths,
                                 StatusAction ifNoReReviewRequested, StatusAction ifReReviewRefused, LocalizedText consequence) {
        this(unplannedPercent, plannedPercent, minDurationMonths, ifNoReReviewRequested, ifReReviewRefused, consequence, false);
    }

    /** Whether a rise of {@code increasePercent} from a (planned or unplanned) change lasting {@code months} ends validity [D3]. */
    public boolean endsValidity(BigDecimal increasePercent, boolean planned, int months) {
        BigDecimal threshold = planned ? plannedPercent : unplannedPercent;
        boolean large = increasePercent.compareTo(threshold) >= 0;
        boolean lasting = minDurationMonths == null || (durationInclusive ? months >= minDurationMonths : months > minDurationMonths);
        return large && lasting;
    }
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        j.add(Texts.pick(locale,
                "计划外 ≥ +" + Texts.num(unplannedPercent) + "% / 计划内 ≥ +" + Texts.num(plannedPercent) + "%，持续 "
                        + (durationInclusive ? "≥ " : "> ") + minDurationMonths + " 个月",
                "unplanned ≥ +" + Texts.num(unplannedPercent) + " % / planned ≥ +" + Texts.num(plannedPercent) + " %, "
                        + (durationInclusive ? "≥ " : "> ") + minDurationMonths + " months"));
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
