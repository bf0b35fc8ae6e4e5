package cn.cfp.calc.model;

/** Life-cycle stages of GB/T 24067 (R-CALC-2). */
public enum Stage {
    RAW_MATERIAL_ACQUISITION, RAW_MATERIAL_TRANSPORT, PRODUCTION, DISTRIBUTION_STORAGE, USE, END_OF_LIFE
}
