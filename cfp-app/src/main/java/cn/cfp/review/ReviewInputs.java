package cn.cfp.review;

import java.util.List;

/** What the review's callers send. */
public final class ReviewInputs {

    private ReviewInputs() {
    }

    /** One item's answer; a note is needed when the item does not conform. */
    public record ItemAnswer(String key, ReviewAnswer answer, String note) {
    }

    public record Answers(List<ItemAnswer> answers) {
        public Answers {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    /** A question, an answer, a request to answer again, a completion summary or an approval note. */
    public record Text(String text) {
    }

    /** The decision: one of the scheme's outcome keys, and the reasons (required for a negative outcome). */
    public record DecisionInput(String outcome, String reasons) {
    }
}
