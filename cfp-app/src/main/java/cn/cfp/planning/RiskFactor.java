package cn.cfp.planning;

/** The eleven risk factors of material misstatement to assess before verification [000 Annex 2 §4.2.2]. */
public enum RiskFactor implements cn.cfp.shared.Localized {
    INTENTIONAL_MISSTATEMENT("产品碳足迹报告中故意错误陈述的可能性", "likelihood of intentional misstatement in the PCF report"),
    LEGAL_NONCONFORMITY("产品碳足迹陈述内容与适用法律法规不符合的可能性", "likelihood that the PCF statement does not conform to applicable laws"),
    SOURCE_SIGNIFICANCE("排放源对整体产品碳足迹陈述和实质性的相对影响", "relative effect of emission sources on the overall statement and materiality"),
    OMITTED_SIGNIFICANT_EMISSIONS("未包括产品系统有显著贡献的 GHG 排放量和清除量的可能性", "likelihood that significant GHG emissions/removals are omitted"),
    CUT_OFF("取舍原则不符合相关产品认证依据、实施规则或 GHG 方案要求的风险", "cut-off criteria not conforming to the basis, rules or GHG programme"),
    DATA_MANAGEMENT("数据来源和数据流管理情况不符合要求的风险", "data sources and data-flow management not conforming"),
    ALLOCATION("分配原则与程序不符合要求的风险", "allocation principles and procedures not conforming"),
    MODEL_BIAS("产品碳足迹量化模型和量化方法造成的偏差", "bias from the quantification model and methods"),
    DATA_QUALITY("产品碳足迹数据质量评估结果的影响", "effect of the data-quality assessment results"),
    ESTIMATES("任何估算及其所依据的数据偏差影响", "effect of estimates and the data they rest on"),
    PRINCIPLES("不符合 GB/T 24067 相关性、完整性、一致性、统一性、准确性、透明性和避免重复计算原则的风险",
            "not meeting the GB/T 24067 principles (relevance, completeness, consistency, coherence, accuracy, transparency, no double counting)");

    public static final String CITE = "000 Annex 2 §4.2.2";

    private final String zh;
    private final String en;

    RiskFactor(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public int number() {
        return ordinal() + 1;
    }

    /** The name in the reader's language (issue 8 item 12: no Chinese on English pages, no raw codes). */
    @Override
    public String label(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en() : zh();
    }
}
