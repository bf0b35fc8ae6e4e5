package cn.cfp.evaluation;

/** The answer to one evaluation item: conforms, does not conform (a finding), or does not apply. */
public enum ItemConclusion {
    CONFORMS, NONCONFORMS, NOT_APPLICABLE
}
