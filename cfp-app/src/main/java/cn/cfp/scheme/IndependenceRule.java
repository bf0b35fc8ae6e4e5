package cn.cfp.scheme;

/** Independence rules enforced by the review/decision policies [R-PER-3]. */
public enum IndependenceRule {
    /** The technical reviewer took no part in the inspection/verification. */
    REVIEWER_NOT_IN_TEAM,
    /** The report preparer does not take the review/decision. */
    REPORT_PREPARER_NOT_DECIDER,
    /** The certificate preparer does not take the review/decision. */
    CERTIFICATE_PREPARER_NOT_DECIDER,
    /** Nobody with a conflict of interest with the client takes part. */
    NO_CONFLICT_OF_INTEREST
}
