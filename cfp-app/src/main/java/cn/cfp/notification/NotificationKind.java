package cn.cfp.notification;

/**
 * What a notification tells, naming its template: {@code notification.<KIND>.subject} (the title, and an e-mail's
 * subject) and {@code notification.<KIND>.body} in {@code i18n/notifications*.properties}, Chinese and English. The
 * templates say the same for every scheme; what differs (reference, stage, role, dates) are their arguments.
 */
public enum NotificationKind {
    /** A new task: a submitted application waits for a project manager's review. {0} reference, {1} review due by. */
    APPLICATION_TO_REVIEW,
    /** A new task: the person was made the project manager of a case. {0} reference. */
    CASE_ASSIGNED,
    /** A new task: a stage of a case is open and waits for this person. {0} stage, {1} reference. */
    STAGE_TO_ACT,
    /** The staff member was appointed to a case's team. {0} reference, {1} team role. */
    TEAM_APPOINTED,
    /** The body asks the client for more (application review). {0} reference, {1} what is missing, {2} due by. */
    SUPPLEMENT_REQUESTED,
    /** The document review found the documents do not conform: supplement them. {0} reference, {1} round. */
    DOCUMENTS_TO_SUPPLEMENT,
    /** The plan (team, visit) was sent to the client to confirm or object to. {0} reference. */
    PLAN_TO_CONFIRM,
    /** A revision of the on-site plan was sent to the client to confirm. {0} reference, {1} revision, {2} visit date. */
    PLAN_REVISED,
    /** The client confirmed the on-site plan (to the case's project manager). {0} reference, {1} revision. */
    PLAN_CONFIRMED,
    /** The client asked for a change of the on-site plan (to the case's project manager). {0} reference, {1} revision, {2} reason. */
    PLAN_CHANGE_REQUESTED,
    /** A list of nonconformities was issued to the client to answer (R-NC-1). {0} reference, {1} NC numbers, {2} due on. */
    NC_ISSUED,
    /** The team did not accept the client's answer to a nonconformity. {0} reference, {1} NC number, {2} reason, {3} new due on. */
    NC_ANSWER_REJECTED,
    /** The client answered a nonconformity (to the case's team). {0} reference, {1} NC number, {2} round. */
    NC_ANSWERED,
    /** A nonconformity's due date passed without an answer; the scheme's consequence applied (R-NC-3). {0} reference, {1} NC number, {2} due on, {3} consequence. */
    NC_DEADLINE_MISSED;

    public String subjectKey() {
        return "notification." + name() + ".subject";
    }

    public String bodyKey() {
        return "notification." + name() + ".body";
    }
}
