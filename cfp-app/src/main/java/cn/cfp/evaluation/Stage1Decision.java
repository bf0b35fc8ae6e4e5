package cn.cfp.evaluation;

/** 004 §9.5.2 F): whether the conditions for stage 2 are met. */
public enum Stage1Decision {
    PROCEED, NOT_PROCEED
}
