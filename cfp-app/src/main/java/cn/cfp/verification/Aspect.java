package cn.cfp.verification;

/**
 * What the verifier concludes on one by one [000 Annex 2 §4.3.1; R-VER-1]; data collection is the focus. The
 * consistency check replaces the recalculation where a prior verification is adopted [003 ¶38, ¶63, ¶67; R-VER-5].
 */
public enum Aspect {
    FUNCTIONAL_UNIT, BOUNDARY, DATA_COLLECTION, ALLOCATION, CUT_OFF, DATA_QUALITY, CONSISTENCY_CHECK;

    /** The six aspects of 000 Annex 2 §4.3.1. */
    public static final java.util.List<Aspect> SIX = java.util.List.of(FUNCTIONAL_UNIT, BOUNDARY, DATA_COLLECTION,
            ALLOCATION, CUT_OFF, DATA_QUALITY);

    public enum Conclusion { CONFORMS, NOT_CONFORMS, NOT_APPLICABLE }

    /** A concluded aspect. */
    public record Concluded(Aspect aspect, Conclusion conclusion, String note, String by, java.time.Instant at, int version) {
    }
}
