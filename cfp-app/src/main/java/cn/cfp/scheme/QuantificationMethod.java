package cn.cfp.scheme;

import java.util.Locale;

/** GHG quantification methods named by the seeds. */
public enum QuantificationMethod {
    EMISSION_FACTOR("排放因子法", "emission factor"),
    MASS_BALANCE("物料平衡法", "mass balance"),
    MEASUREMENT("实测法", "measurement"),
    /** "库仑因子法" as printed in 004 §6.2.1(3); the term is unusual (likely a rendering of an energy-coefficient method). */
    COULOMB_FACTOR("库仑因子法", "\"coulomb factor\""),
    STATISTICS("统计数据法", "statistical data"),
    MODEL("应用模型法", "model");

    private final String zh;
    private final String en;

    QuantificationMethod(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return LocalizedText.english(locale) ? en : zh;
    }
}
