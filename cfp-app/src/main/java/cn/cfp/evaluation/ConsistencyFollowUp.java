package cn.cfp.evaluation;

/** What an inconsistent adopted verification leads to: a nonconformity, or the full verification after all [003 ¶38]. */
public enum ConsistencyFollowUp {
    RAISE_NONCONFORMITY, FULL_VERIFICATION
}
