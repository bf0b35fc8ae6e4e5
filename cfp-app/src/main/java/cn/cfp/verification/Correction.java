package cn.cfp.verification;

/**
 * A verifier's correction of one value of the client's inventory [000 Annex 2 §4.3.2], kept as a layer over the
 * submission: the client's version is never changed; the recalculation applies the corrections to a copy.
 *
 * @param kind           ACTIVITY: the amount of an input or emission {@code item} of process {@code processId} (in its
 *                       own unit); FACTOR: the kg of {@code gas} (null if the factor has one gas) per unit of factor
 *                       {@code factorId}
 * @param correctedValue the value the verifier found
 * @param reason         why (evidence seen), required
 */
public record Correction(Kind kind, String processId, String item, String factorId, String gas, double correctedValue,
                         String reason) {

    public enum Kind { ACTIVITY, FACTOR }

    /** A stored correction with the value it replaced and who made it. */
    public record Stored(long id, long submissionId, Correction correction, double originalValue, String by,
                         java.time.Instant at) {
    }

    /** What a correction names, for the record: {@code process/item} or {@code factor[gas]}. */
    public String target() {
        return kind == Kind.FACTOR ? factorId + (gas == null ? "" : "[" + gas + "]") : processId + "/" + item;
    }
}
