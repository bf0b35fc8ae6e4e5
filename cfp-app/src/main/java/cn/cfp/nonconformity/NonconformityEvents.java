package cn.cfp.nonconformity;

import java.time.LocalDate;
import java.util.List;

/** What happens to nonconformities, for other modules (notifications) to react to after commit. */
public final class NonconformityEvents {

    private NonconformityEvents() {
    }

    public record Raised(long applicationId, String reference, int number) {
    }

    /** A list of NCs was issued to the client (R-NC-1). */
    public record Issued(long applicationId, String reference, List<Integer> numbers, LocalDate dueOn) {
    }

    public record Answered(long applicationId, String reference, int number, int round) {
    }

    public record Accepted(long applicationId, String reference, int number) {
    }

    public record Rejected(long applicationId, String reference, int number, String reason, LocalDate dueOn) {
    }

    /** An NC's due date passed without an answer: the scheme's consequence was applied (R-NC-3). */
    public record DeadlineMissed(long applicationId, String reference, int number, LocalDate dueOn, String consequence) {
    }
}
