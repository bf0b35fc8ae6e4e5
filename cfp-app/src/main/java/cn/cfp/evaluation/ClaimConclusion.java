package cn.cfp.evaluation;

/** Conclusion of a claim-and-evidence evaluation round [003 ¶60–62]. */
public enum ClaimConclusion {
    /** 符合要求 → on-site verification [¶61] */
    CONFORMS,
    /** 基本符合 → on-site verification; the client is told what to supplement or correct, verified on site [¶62] */
    BASICALLY_CONFORMS,
    /** 不符合要求 → the client supplements, evaluated again; persistent failure → termination [¶60] */
    DOES_NOT_CONFORM;

    public boolean passes() {
        return this != DOES_NOT_CONFORM;
    }
}
