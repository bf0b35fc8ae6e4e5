package cn.cfp.application;

import cn.cfp.shared.Localized;
import java.util.Locale;

/** Contract review items the body confirms before accepting [R-APP-3; 001 §9.2.2; 003 ¶29]. */
public enum ContractReview implements Localized {
    COMPLETE("申请资料齐全", "the application file is complete"),
    LEGAL("申请方及产品合法合规", "applicant and products are lawful"),
    UNITS_REASONABLE("认证单元划分合理", "the certification units are reasonable"),
    STANDARDS_APPLICABLE("适用的标准/产品种类规则明确", "the applicable standards / PCR are identified"),
    FEASIBLE("认证活动可行（时间、场所、语言等）", "the certification activities are feasible"),
    ONSITE_NEED_DECIDED("已确定是否需要现场检查", "the need for on-site inspection is decided"),
    BODY_COMPETENT("本机构具备相应能力和人员", "the body has the competence and staff");

    private final String zh;
    private final String en;

    ContractReview(String zh, String en) {
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
}
