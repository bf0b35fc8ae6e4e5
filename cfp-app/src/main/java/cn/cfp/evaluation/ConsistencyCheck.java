package cn.cfp.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The consistency check of an adopted prior verification [003 ¶38, ¶63, ¶67]: the verified claim, the prior statement or
 * report (its reference and the uploaded file), the answers to the scheme's consistency items, the conclusion and, when
 * inconsistent, what follows (a nonconformity — its number — or the full verification).
 */
public record ConsistencyCheck(String verifiedClaim, String priorReference, long evidenceId, String evidenceSha256,
                               List<ItemAnswer> answers, ConsistencyConclusion conclusion, ConsistencyFollowUp followUp,
                               String note, Integer nonconformity, String by, LocalDate on, Instant at) {

    public ConsistencyCheck {
        answers = List.copyOf(answers);
    }
}
