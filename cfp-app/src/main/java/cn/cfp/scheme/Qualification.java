package cn.cfp.scheme;

import java.util.Locale;

/** Personnel qualifications that team rules refer to [R-PER-1]. */
public enum Qualification {
    /** CCAA-registered (product certification) inspector [000 §3.2; 003 ¶33]. */
    CCAA_REGISTERED("CCAA 注册检查员", "CCAA-registered inspector"),
    /** Registered GHG verifier (温室气体核查员) [002 §5.2.1]. */
    GHG_VERIFIER("温室气体核查员", "GHG verifier"),
    /** Voluntary product certification registration (自愿性产品认证) [002 §5.2.1]. */
    VOLUNTARY_PRODUCT_CERT("自愿性产品认证注册资质", "voluntary product certification"),
    /** Green product certification registration (绿色产品认证) [002 §5.2.1]. */
    GREEN_PRODUCT_CERT("绿色产品认证注册资质", "green product certification"),
    /** PCF quantification expertise in the product's field [000 §7.3.2]. */
    FIELD_EXPERT("相应领域产品碳足迹量化专业知识", "PCF expertise in the field");

    private final String zh;
    private final String en;

    Qualification(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return LocalizedText.english(locale) ? en : zh;
    }
}
