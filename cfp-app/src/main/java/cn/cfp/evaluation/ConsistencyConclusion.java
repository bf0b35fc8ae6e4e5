package cn.cfp.evaluation;

/** Whether the adopted verification's claim and statement match the product and the site [003 ¶63, ¶67]. */
public enum ConsistencyConclusion {
    CONSISTENT, INCONSISTENT
}
