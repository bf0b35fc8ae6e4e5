package cn.cfp.nonconformity;

import java.time.Instant;
import java.util.List;

/**
 * One answer of the client to a nonconformity (round 1, 2, …) and the team's verification of it (R-NC-2).
 *
 * @param verdict null while unverified; ACCEPTED or REJECTED
 */
public record NonconformityAnswer(Long id, int round, String correction, String cause, String correctiveAction,
                                  String explanation, List<Long> evidenceIds, String answeredBy, Instant answeredAt,
                                  Verdict verdict, String verdictReason, VerificationMethod method, String verifiedBy,
                                  Instant verifiedAt) {

    public enum Verdict { ACCEPTED, REJECTED }

    public NonconformityAnswer {
        evidenceIds = evidenceIds == null ? List.of() : List.copyOf(evidenceIds);
    }

    /** Evidence files, or a clear explanation where the scheme allows one [001 §9.5.4]. */
    public boolean hasEvidence(boolean explanationAllowed) {
        return !evidenceIds.isEmpty() || (explanationAllowed && explanation != null && !explanation.isBlank());
    }

    NonconformityAnswer verified(Verdict v, String reason, VerificationMethod m, String by, Instant at) {
        return new NonconformityAnswer(id, round, correction, cause, correctiveAction, explanation, evidenceIds, answeredBy,
                answeredAt, v, reason, m, by, at);
    }
}
