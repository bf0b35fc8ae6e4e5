package cn.cfp.evaluation;

/** The two evaluation loops: CICC's stage 1 [004 §9.5.2] and CGC's claim-and-evidence evaluation [003 ¶57–62]. */
public enum EvaluationKind {
    STAGE1, CLAIM
}
