package cn.cfp.application;

import cn.cfp.shared.Localized;
import java.util.Locale;

/**
 * Eligibility conditions a client declares with evidence [000 §7.1.1, R-PTY-2]. The condition
 * "no CFP certificate revoked within the ban period" is not declared: the system checks it from its
 * own records.
 */
public enum Eligibility implements Localized {
    LEGAL_PERSON("依法设立、具有法人资格的组织", "a legally established organisation with legal-person status"),
    PERMITS("取得相关法律法规要求的行政许可、资质或强制性认证（适用时）", "holds the permits, qualifications or CCC the law requires (where applicable)"),
    ASSURANCE_SYSTEM_3_MONTHS("碳足迹保证体系已运行 3 个月以上并有代表性数据", "the footprint assurance system has run for ≥ 3 months with representative data"),
    NOT_ORDERED_TO_SUSPEND("未被责令停产停业", "not ordered to suspend production or business"),
    NOT_SERIOUSLY_DISHONEST("未列入严重失信主体名单", "not on the list of seriously dishonest entities"),
    NO_SERIOUS_VIOLATION_1_YEAR("近一年内无重大违法违规行为", "no serious violation of laws or regulations within one year"),
    TRUTHFULNESS("承诺所提交资料真实、有效", "commits that the submitted information is true and valid");

    private final String zh;
    private final String en;

    Eligibility(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static final String CITE = "000 §7.1.1";
}
