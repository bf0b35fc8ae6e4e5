package cn.cfp.review;

import cn.cfp.scheme.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The technical review and decision of a case as it stands, derived from the module's history rows [R-REV-1, R-REV-2].
 *
 * @param stage            the case's current stage among TECHNICAL_REVIEW / DECISION, or null when at neither
 * @param items            the scheme's review items with their latest answers
 * @param approvalBy       who must approve between review and decision (CNEX 中心主任, CICC 总经理/管代), or null
 * @param outcomes         the scheme's decision outcomes (key, name, result)
 * @param failureNoticeDue the last day for a written failure notice where the scheme sets one (CEC 30 days after the
 *                         inspection [002 §5.7.3]); null otherwise
 */
public record ReviewView(long applicationId, String reference, String schemeCode, String stage, List<Reviewer> reviewers,
                         List<ItemState> items, List<QuestionView> questions, Completion completion,
                         LocalizedText approvalBy, Approval approval, List<OutcomeView> outcomes, Decision decision,
                         LocalizedText reviewerQualification, LocalizedText deciderQualification, boolean reviewerMayDecide,
                         LocalDate failureNoticeDue) {

    public ReviewView {
        reviewers = List.copyOf(reviewers);
        items = List.copyOf(items);
        questions = List.copyOf(questions);
        outcomes = List.copyOf(outcomes);
    }

    public record Reviewer(long userId, String username, Instant takenAt) {
    }

    public record ItemState(String key, LocalizedText text, String cite, ReviewAnswer answer, String note, String answeredBy,
                            Instant answeredAt) {
        public boolean answered() {
            return answer != null;
        }
    }

    public record QuestionView(long id, String text, String raisedBy, Instant raisedAt, List<Round> rounds) {
        public QuestionView {
            rounds = List.copyOf(rounds);
        }

        /** Open until the reviewer accepted an answer. */
        public boolean open() {
            return rounds.isEmpty() || rounds.get(rounds.size() - 1).kind() != Round.Kind.ACCEPT;
        }

        /** Waiting for the team: nothing answered yet, or the reviewer asked again. */
        public boolean awaitingAnswer() {
            return rounds.isEmpty() || rounds.get(rounds.size() - 1).kind() == Round.Kind.ASK_AGAIN;
        }

        /** Waiting for the reviewer: the team answered. */
        public boolean awaitingReviewer() {
            return !rounds.isEmpty() && rounds.get(rounds.size() - 1).kind() == Round.Kind.ANSWER;
        }
    }

    public record Round(Kind kind, String text, String by, Instant at) {
        public enum Kind { ANSWER, ACCEPT, ASK_AGAIN }
    }

    public record Completion(String summary, String completedBy, Instant completedAt) {
    }

    public record Approval(String note, String approvedBy, Instant approvedAt) {
    }

    public record OutcomeView(String key, LocalizedText name, String result, String nonconformities) {
    }

    public record Decision(String outcome, String result, String reasons, long deciderUserId, String decidedBy,
                           LocalDate decidedOn, Instant decidedAt) {
        public boolean positive() {
            return "CERTIFIED".equals(result);
        }
    }

    /** The scheme's name of the outcome decided, or null before the decision. */
    public LocalizedText decidedOutcomeName() {
        return decision == null ? null : outcomes.stream().filter(o -> o.key().equals(decision.outcome())).findFirst()
                .map(OutcomeView::name).orElse(null);
    }

    public boolean complete() {
        return completion != null;
    }

    public List<ItemState> unanswered() {
        return items.stream().filter(i -> !i.answered()).toList();
    }

    public List<QuestionView> openQuestions() {
        return questions.stream().filter(QuestionView::open).toList();
    }
}
