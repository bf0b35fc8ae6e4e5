package cn.cfp.application;

/** Where an application stands. Transitions are guarded by {@code Applications}. */
public enum ApplicationStatus {
    /** being filled in by the client */
    DRAFT,
    /** submitted, under application review by the body */
    SUBMITTED,
    /** the body asked for supplements; the client's time (client-caused, R-APP-3) */
    SUPPLEMENT_REQUESTED,
    /** accepted: contract recorded, 90-day clock running (R-APP-4) */
    ACCEPTED,
    /** refused with reasons (R-APP-3) */
    REFUSED,
    /** terminated after acceptance, e.g. persistent document-review failure (R-DOC-1) */
    TERMINATED
}
