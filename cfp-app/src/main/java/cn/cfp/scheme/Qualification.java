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
    FIELD_EXPERT("相应领域产品碳足迹量化专业知识", "PCF expertise in the field"),
    /** Two or more PCF verification projects (2个以上碳足迹核查项目经历) [002 §5.2.2 Table 2]. */
    PCF_PROJECTS("≥ 2 个碳足迹核查项目经历", "2 or more PCF verification projects"),
    /** PCF verifier recognised and authorised by this body (本机构认定和授权的碳足迹核查员) [003 §5.2.4]. */
    PCF_VERIFIER_AUTHORISED("本机构授权的碳足迹核查员", "PCF verifier authorised by this body"),
    /** CCAA EMS or EnMS auditor certificate (CCAA 环境/能源管理体系审核员) [004 §4.2.1]. */
    EMS_ENMS_AUDITOR("CCAA 环境/能源管理体系审核员", "CCAA EMS/EnMS auditor"),
    /** Another GHG certificate, e.g. GHG manager (温室气体管理师或其他温室气体证书) [004 §4.2.1]. */
    GHG_OTHER_CERT("温室气体管理师或其他温室气体证书", "GHG manager or other GHG certificate"),
    /** PCF training certificate (取得培训合格证明) [001 §8.5 1)]. */
    PCF_TRAINING_CERT("碳足迹培训合格证明", "PCF training certificate");

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
