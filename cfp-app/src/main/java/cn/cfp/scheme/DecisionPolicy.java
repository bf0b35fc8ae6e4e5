package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Certification decision [R-REV-2]: possible outcomes and the time limits after it.
 *
 * @param certificateIssueLimit  certificate issued within this term (days vs working days matter: CEC 30 days, CGC 30 WD)
 * @param certificateIssueFrom   the event the term counts from (e.g. "NC closure verified")
 * @param failureNoticeLimit     written termination notice within this term
 * @param failureNoticeFrom      the event that term counts from (CEC "自完成检查后", 002 §5.7.3; corrections A-13)
 */
public record DecisionPolicy(List<Step> outcomes, Term certificateIssueLimit, LocalizedText certificateIssueFrom,
                             Term failureNoticeLimit, LocalizedText failureNoticeFrom,
                             LocalizedText description) implements Summarizable {

    public DecisionPolicy {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (!outcomes.isEmpty()) {
            j.add(Texts.join(outcomes, s -> s.in(locale), " / "));
        }
        if (certificateIssueLimit != null) {
            j.add(Texts.pick(locale, "证书 " + certificateIssueLimit.summary(locale) + "内出具",
                    "certificate within " + certificateIssueLimit.summary(locale))
                    + (certificateIssueFrom == null ? "" : " (" + certificateIssueFrom.in(locale) + ")"));
        }
        if (failureNoticeLimit != null) {
            j.add(Texts.pick(locale, "不合格通知 " + failureNoticeLimit.summary(locale) + "内",
                    "failure notice within " + failureNoticeLimit.summary(locale))
                    + (failureNoticeFrom == null ? "" : " (" + failureNoticeFrom.in(locale) + ")"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
