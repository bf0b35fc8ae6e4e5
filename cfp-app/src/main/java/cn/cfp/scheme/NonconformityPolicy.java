package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Nonconformity handling in the initial certification [R-NC-1, R-NC-2].
 *
 * @param issueWithinWorkingDays     NCs are issued this many working days after on-site verification [003 ¶71]
 * @param reEvaluationWorkingDays    re-evaluation of the client's reply takes this many working days [003 ¶73]
 */
public record NonconformityPolicy(List<NcClass> classes, IntRange issueWithinWorkingDays,
                                  IntRange reEvaluationWorkingDays, Boolean closureRequiredBeforeCertificate,
                                  Boolean failIfDeadlineMissed, LocalizedText description) implements Summarizable {

    public NonconformityPolicy {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (!classes.isEmpty()) {
            j.add(Texts.join(classes, c -> c.summary(locale), ", "));
        }
        if (issueWithinWorkingDays != null) {
            j.add(Texts.pick(locale, "现场核查后 " + issueWithinWorkingDays.text() + " 个工作日内下发",
                    "issued " + issueWithinWorkingDays.text() + " WD after on-site"));
        }
        if (reEvaluationWorkingDays != null) {
            j.add(Texts.pick(locale, "再评估 " + reEvaluationWorkingDays.text() + " 个工作日",
                    "re-evaluation " + reEvaluationWorkingDays.text() + " WD"));
        }
        if (Boolean.TRUE.equals(closureRequiredBeforeCertificate)) {
            j.add(Texts.pick(locale, "全部关闭后方可得出肯定结论", "all closed before a positive conclusion"));
        }
        if (Boolean.TRUE.equals(failIfDeadlineMissed)) {
            j.add(Texts.pick(locale, "逾期未整改按不通过处理", "fail if the deadline is missed"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
