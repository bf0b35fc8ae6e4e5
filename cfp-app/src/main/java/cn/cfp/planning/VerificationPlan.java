package cn.cfp.planning;

import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.AssurancePolicy;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.shared.Reason;
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

    /** What is missing or wrong against the scheme's assurance policy, each at its form field; empty when complete. */
    public List<Reason> problems(Cited<AssurancePolicy> assurance) {
        return problems(assurance, false);
    }

    /**
     * As {@link #problems(Cited)}; a {@code consistencyCheck} plan — the verification of an adopted prior verification,
     * simplified by 003 ¶38 — still needs the information analysis (which statement is adopted, for which product), the
     * assurance level, the evidence plan and the activities that check the statement against the product and the site
     * (003 ¶63, ¶67), but no strategic complexity analysis, no risk rating and no sampling plan (the simplified
     * 10.3.2 of 003).
     */
    public List<Reason> problems(Cited<AssurancePolicy> assurance, boolean consistencyCheck) {
        List<Reason> p = new ArrayList<>();
        req(p, informationAnalysis, "informationAnalysis", "planning.verification.part.informationAnalysis", "000 Annex 2 §4.2.1");
        if (complexity == null && !consistencyCheck) {
            p.add(Reason.of("planning.verification.complexityRequired").at("complexity"));
        }
        Set<RiskFactor> rated = EnumSet.noneOf(RiskFactor.class);
        for (RiskAssessment r : risks) {
            if (r == null || r.factor() == null || r.rating() == null) {
                p.add(Reason.of("planning.verification.riskIncomplete"));
                continue;
            }
            if (!rated.add(r.factor())) {
                p.add(Reason.of("planning.verification.riskTwice", r.factor().number()).at("risk_" + r.factor().name()));
            }
        }
        for (RiskFactor f : RiskFactor.values()) {
            if (!rated.contains(f) && !consistencyCheck) {
                p.add(Reason.of("planning.verification.riskUnrated", f.number(), LocalizedText.of(f.zh(), f.en()), RiskFactor.CITE)
                        .at("risk_" + f.name()));
            }
        }
        AssurancePolicy a = assurance == null ? null : assurance.value();
        String ac = assurance == null ? null : assurance.cite();
        if (a != null && !a.levels().isEmpty()) {
            List<LocalizedText> levels = a.levels().stream().map(l -> ManDayCalculator.both(l::label)).toList();
            if (assuranceLevel == null) {
                p.add(Reason.of("planning.verification.assuranceRequired", levels, ac).at("assuranceLevel"));
            } else if (!a.levels().contains(assuranceLevel)) {
                p.add(Reason.of("planning.verification.assuranceNotOffered", levels, ManDayCalculator.both(assuranceLevel::label), ac)
                        .at("assuranceLevel"));
            }
        }
        if (a != null && Boolean.TRUE.equals(a.materialityThresholdRequired()) && materialityPercent == null) {
            p.add(Reason.of("planning.verification.materialityRequired", ac).at("materialityPercent"));
        }
        if (materialityPercent != null && (materialityPercent.signum() <= 0 || materialityPercent.compareTo(new BigDecimal("100")) > 0)) {
            p.add(Reason.of("planning.verification.materialityRange", materialityPercent.toPlainString()).at("materialityPercent"));
        }
        if (!consistencyCheck) {
            req(p, samplingPlan, "samplingPlan", "planning.verification.part.samplingPlan", "000 Annex 2 §4.2 (5)");
        }
        req(p, evidencePlan, "evidencePlan", "planning.verification.part.evidencePlan", "000 Annex 2 §4.2 (7)");
        req(p, verificationActivities, "verificationActivities", "planning.verification.part.verificationActivities", "000 Annex 2 §4.2 (6)");
        return p;
    }

    /** A required part: its form field, the code of its name and its clause. */
    private static void req(List<Reason> p, String v, String field, String part, String cite) {
        if (v == null || v.isBlank()) {
            p.add(Reason.of("planning.verification.required", Reason.of(part), cite).at(field));
        }
    }
}
