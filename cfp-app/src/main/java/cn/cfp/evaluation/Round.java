package cn.cfp.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One recorded round of an evaluation loop. {@code conclusion} is a {@link Stage1Decision} name for stage 1 and a
 * {@link ClaimConclusion} name for the claim evaluation; {@code request} is what the client must supplement or correct;
 * {@code nonconformities} the numbers of the nonconformities the round raised; {@code clockPaused} whether the round
 * paused the case clock for the client's supplement [003 ¶59]; {@code supplement} the client's answer.
 */
public record Round(EvaluationKind kind, int round, Boolean onSite, Boolean combinedWithDocumentCheck, String conclusion,
                    String reason, String request, List<ItemAnswer> answers, List<Integer> nonconformities, boolean clockPaused,
                    String by, LocalDate on, Instant at, Supplement supplement) {

    public Round {
        answers = List.copyOf(answers);
        nonconformities = nonconformities == null ? List.of() : List.copyOf(nonconformities);
    }

    Round withSupplement(Supplement s) {
        return new Round(kind, round, onSite, combinedWithDocumentCheck, conclusion, reason, request, answers, nonconformities,
                clockPaused, by, on, at, s);
    }

    /** The client's supplement to a round: note and evidence files. */
    public record Supplement(LocalDate on, String by, String note, List<Long> evidenceIds) {
        public Supplement {
            evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
        }
    }
}
