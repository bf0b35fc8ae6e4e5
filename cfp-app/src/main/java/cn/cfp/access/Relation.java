package cn.cfp.access;

/**
 * How a person stands to a record (record-level access): the access table names, per action, the relations any one of
 * which lets a person do it; the module owning the record decides, through its {@link RecordGuard}, whether the person
 * holds one. Staff relations are never held with a declared conflict of interest with any of the record's parties
 * (R-PER-2).
 */
public enum Relation {
    /** A client user of one of the case's parties (applicant, manufacturer or factory). */
    PARTY,
    /** A client user of the applicant (认证委托人). */
    APPLICANT,
    /** Any certification-body staff member (reading). */
    STAFF,
    /** The case's project manager; before acceptance, any project manager (the application reviewer). */
    CASE_MANAGER,
    /** A member of the case's team (leader, inspector, verifier, expert). */
    TEAM
}
