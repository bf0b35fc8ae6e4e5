package cn.cfp.planning;

import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.AssurancePolicy;
import cn.cfp.scheme.Cited;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * PCF verification planning [000 Annex 2 §4.2; 001 Annex III; 003 ¶37–44] (R-PLAN-4): information analysis
 * (§4.2.1), strategic analysis of complexity (unclear → high, 003 ¶40), risk assessment of the eleven factors
 * (§4.2.2), assurance level and materiality [004 §7], sampling plan, evidence-gathering plan and the verification
 * activities. Approval is the plan's approval.
 */
public record VerificationPlan(String informationAnalysis, Complexity complexity, String complexityReason,
                               List<RiskAssessment> risks, AssuranceLevel assuranceLevel, BigDecimal materialityPercent,
                               String samplingPlan, String evidencePlan, String verificationActivities) {

    public static final String CITE = "000 Annex 2 §4.2";

    public VerificationPlan {
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    /** The complexity the plan works with: an unclear complexity is high [003 ¶40]. */
    public Complexity effectiveComplexity() {
        return complexity == null ? null : complexity.effective();
    }

    /** What is missing or wrong against the scheme's assurance policy; empty when complete. */
    public List<String> problems(Cited<AssurancePolicy> assurance) {
        List<String> p = new ArrayList<>();
        req(p, informationAnalysis, "the information analysis", "信息分析", "000 Annex 2 §4.2.1");
        if (complexity == null) {
            p.add("Rate the complexity (low / medium / high / cannot be determined → high) / 请确定核查复杂程度 [003 ¶39–40]");
        }
        Set<RiskFactor> rated = EnumSet.noneOf(RiskFactor.class);
        for (RiskAssessment r : risks) {
            if (r == null || r.factor() == null || r.rating() == null) {
                p.add("Each risk assessment needs a factor and a rating / 每项风险评估须有因素和等级");
                continue;
            }
            if (!rated.add(r.factor())) {
                p.add("Risk factor " + r.factor().number() + " is rated twice / 风险因素 " + r.factor().number() + " 重复");
            }
        }
        for (RiskFactor f : RiskFactor.values()) {
            if (!rated.contains(f)) {
                p.add("Rate risk factor " + f.number() + ": " + f.en() + " / 请评估风险因素（" + f.number() + "）" + f.zh()
                        + " [" + RiskFactor.CITE + "]");
            }
        }
        AssurancePolicy a = assurance == null ? null : assurance.value();
        String ac = assurance == null || assurance.cite() == null ? "" : " [" + assurance.cite() + "]";
        if (a != null && !a.levels().isEmpty()) {
            if (assuranceLevel == null) {
                p.add("Choose the assurance level (" + a.levels() + ") / 请选择保证等级" + ac);
            } else if (!a.levels().contains(assuranceLevel)) {
                p.add("The scheme offers the assurance levels " + a.levels() + ", not " + assuranceLevel + " / 本方案不提供该保证等级" + ac);
            }
        }
        if (a != null && Boolean.TRUE.equals(a.materialityThresholdRequired()) && materialityPercent == null) {
            p.add("Set the materiality threshold in % / 请设定实质性阈值（%）" + ac);
        }
        if (materialityPercent != null && (materialityPercent.signum() <= 0 || materialityPercent.compareTo(new BigDecimal("100")) > 0)) {
            p.add("The materiality threshold must be above 0 and at most 100 %, got " + materialityPercent + " / 实质性阈值应在 0-100% 之间");
        }
        req(p, samplingPlan, "the sampling plan", "抽样计划", "000 Annex 2 §4.2 (5)");
        req(p, evidencePlan, "the evidence-gathering plan", "证据收集计划", "000 Annex 2 §4.2 (7)");
        req(p, verificationActivities, "the verification activities", "核查计划", "000 Annex 2 §4.2 (6)");
        return p;
    }

    private static void req(List<String> p, String v, String en, String zh, String cite) {
        if (v == null || v.isBlank()) {
            p.add("Give " + en + " / 请填写" + zh + " [" + cite + "]");
        }
    }
}
