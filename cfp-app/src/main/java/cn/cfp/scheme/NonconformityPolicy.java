package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Nonconformity handling in the initial certification [R-NC-1, R-NC-2].
 *
 * @param issueWithinWorkingDays     NCs are issued this many working days after on-site verification [003 ¶71]
 * @param reEvaluationWorkingDays    re-evaluation of the client's reply takes this many working days [003 ¶73]
 * @param deadlineConsequence        what a missed answer deadline does [002 §5.6: TERMINATE; 003 ¶75: FAIL]; null = none
 *                                   stated (the open NC still blocks a positive conclusion)
 * @param explanationAllowed         the client may answer with a clear explanation instead of evidence files
 *                                   [001 §9.5.4 "明确解释"]
 * @param listTitles                 the title of the list issued to the client per source activity (001 §9.5.4, §9.6.5)
 */
public record NonconformityPolicy(List<NcClass> classes, IntRange issueWithinWorkingDays,
                                  IntRange reEvaluationWorkingDays, Boolean closureRequiredBeforeCertificate,
                                  Boolean failIfDeadlineMissed, LocalizedText description,
                                  DeadlineConsequence deadlineConsequence, Boolean explanationAllowed,
                                  List<ListTitle> listTitles) implements Summarizable {

    /** What happens when an NC's answer deadline passes without an accepted answer. */
    public enum DeadlineConsequence {
        /** the case is terminated with the reason (CEC: the on-site inspection fails → termination, 002 §5.6) */
        TERMINATE,
        /** a standing refusal is recorded: no positive conclusion is possible (CGC 不通过, 003 ¶75) */
        FAIL
    }

    /** The title of the list of NCs issued to the client for one source activity. */
    public record ListTitle(Stage source, LocalizedText title) {
    }

    public NonconformityPolicy {
        classes = classes == null ? List.of() : List.copyOf(classes);
        listTitles = listTitles == null ? List.of() : List.copyOf(listTitles);
    }

    /** The title for NCs of {@code source}, if the scheme names one. */
    public java.util.Optional<LocalizedText> listTitle(Stage source) {
        return listTitles.stream().filter(t -> t.source() == source).map(ListTitle::title).findFirst();
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
        if (deadlineConsequence != null) {
            j.add(Texts.pick(locale, deadlineConsequence == DeadlineConsequence.TERMINATE ? "逾期终止认证" : "逾期记为不通过",
                    deadlineConsequence == DeadlineConsequence.TERMINATE ? "missed deadline terminates the case"
                            : "missed deadline recorded as a fail"));
        }
        if (Boolean.TRUE.equals(explanationAllowed)) {
            j.add(Texts.pick(locale, "可提交明确解释", "a clear explanation may replace evidence"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
