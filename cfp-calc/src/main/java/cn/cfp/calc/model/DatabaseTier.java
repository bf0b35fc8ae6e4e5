package cn.cfp.calc.model;

/** Database priority (R-CALC-4, 003 ¶20): scheme/customer-specified > domestic authoritative > international > other. */
public enum DatabaseTier {
    SCHEME_SPECIFIED, DOMESTIC, INTERNATIONAL, OTHER
}
