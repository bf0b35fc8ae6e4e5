package cn.cfp.application;

/** Conclusion of a document review [R-DOC-1; 000 §7.4; 003 ¶45–49]. */
public enum DocumentReviewConclusion {
    /** 符合 */
    CONFORMS,
    /** 基本符合: supplements to be verified on site */
    BASICALLY_CONFORMS,
    /** 不符合: supplement and review again; persistent failure leads to termination */
    DOES_NOT_CONFORM
}
