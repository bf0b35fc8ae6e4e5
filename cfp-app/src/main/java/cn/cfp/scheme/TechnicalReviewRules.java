package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The technical review (技术评审/复核) and the decision of a scheme [R-REV-1, R-REV-2]: the items the reviewer answers,
 * who may review and decide, whether a director approves before the decision, and what each decision outcome means.
 *
 * @param items                 what the reviewer confirms, one answer (conforms / does not) each, in the seed's order
 * @param reviewerMayDecide     whether one person may both review and decide (CNEX 复核与决定人员 [001 §9.7])
 * @param reviewerQualification what a reviewer must know / hold, as the seed says it
 * @param deciderQualification  what a decision maker must know / hold
 * @param approval              the approval needed after the review and before the decision (CNEX 中心主任 [001 §9.8],
 *                              CICC 总经理/管代 [004 §10.1.3]); null when none
 * @param outcomes              the consequence of each of the scheme's decision outcomes ({@code decision.outcomes[].key})
 */
public record TechnicalReviewRules(List<Item> items, boolean reviewerMayDecide, LocalizedText reviewerQualification,
                                   LocalizedText deciderQualification, Approval approval, List<OutcomeRule> outcomes)
        implements Summarizable {

    /** One review item, e.g. CICC §10.1.4 4) b) or CGC ¶77's second point. */
    public record Item(String key, LocalizedText text, String cite) {
    }

    /** Who approves between the review and the decision. */
    public record Approval(LocalizedText by, String cite) {
    }

    /** What a decision outcome does to the case. */
    public enum Result { CERTIFIED, NOT_CERTIFIED, TERMINATED }

    /** Which cases an outcome fits: any, only those without any nonconformity, only those that had some (all closed). */
    public enum NcCondition { ANY, NONE, SOME }

    /** The consequence of one outcome key. */
    public record OutcomeRule(String key, Result result, NcCondition nonconformities) {
        public OutcomeRule {
            nonconformities = nonconformities == null ? NcCondition.ANY : nonconformities;
        }

        public boolean positive() {
            return result == Result.CERTIFIED;
        }
    }

    public TechnicalReviewRules {
        items = List.copyOf(items);
        outcomes = List.copyOf(outcomes);
    }

    public Optional<OutcomeRule> outcome(String key) {
        return outcomes.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public Optional<Item> item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        j.add(Texts.pick(locale, items.size() + " 项评审内容", items.size() + " review items"));
        j.add(reviewerMayDecide ? Texts.pick(locale, "复核与决定可由同一人", "one person may review and decide")
                : Texts.pick(locale, "复核与决定分别由不同人员", "reviewer and decider are different people"));
        if (approval != null) {
            j.add(Texts.pick(locale, "决定前须经" + approval.by().in(locale) + "批准",
                    "approved by " + approval.by().in(locale) + " before the decision"));
        }
        return j.toString();
    }
}
