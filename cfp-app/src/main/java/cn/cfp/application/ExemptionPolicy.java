package cn.cfp.application;

import cn.cfp.scheme.OnsiteInspectionExemption;
import cn.cfp.scheme.PriorVerificationAdoption;
import cn.cfp.scheme.Scheme;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Exemptions claimed at acceptance (R-APP-5) against the scheme's conditions: the on-site waiver [003 ¶30] and the
 * adoption of a prior verification [003 ¶38]. A scheme that does not provide for one refuses it. A granted exemption
 * takes the stage the scheme names out of the case's route.
 */
final class ExemptionPolicy {

    private ExemptionPolicy() {
    }

    static Verdict onsiteWaiver(Scheme scheme, Exemptions.OnsiteWaiver w, LocalDate appliedOn) {
        var rule = scheme.onsiteInspectionExemption();
        if (!rule.stated()) {
            return Verdict.refuse(Reason.of("application.waiver.notProvided", scheme.code()));
        }
        OnsiteInspectionExemption r = rule.value();
        String cite = rule.cite();
        List<Reason> p = new ArrayList<>();
        if (Boolean.TRUE.equals(r.sameFactoryRequired()) && !w.sameFactory()) {
            p.add(Reason.of("application.waiver.sameFactory", cite).at("onsiteWaiver.sameFactory"));
        }
        if (Boolean.TRUE.equals(r.sameProductTypeRequired()) && !w.sameProductType()) {
            p.add(Reason.of("application.waiver.sameType", cite).at("onsiteWaiver.sameProductType"));
        }
        if (w.previousInspectionReference() == null || w.previousInspectionReference().isBlank() || w.previousInspectionPassedOn() == null) {
            p.add(Reason.of("application.waiver.referenceRequired", cite).at("onsiteWaiver.previousInspectionReference"));
        } else if (r.previousInspectionWithinMonths() != null && appliedOn != null
                && w.previousInspectionPassedOn().isBefore(appliedOn.minusMonths(r.previousInspectionWithinMonths()))) {
            p.add(Reason.of("application.waiver.tooOld", w.previousInspectionPassedOn(), r.previousInspectionWithinMonths(), appliedOn, cite)
                    .at("onsiteWaiver.previousInspectionPassedOn"));
        }
        return Verdict.of(p);
    }

    static Verdict priorVerification(Scheme scheme, Exemptions.PriorVerification v, LocalDate appliedOn) {
        var rule = scheme.priorVerificationAdoption();
        if (!rule.stated()) {
            return Verdict.refuse(Reason.of("application.prior.notProvided", scheme.code()));
        }
        PriorVerificationAdoption r = rule.value();
        String cite = rule.cite();
        List<Reason> p = new ArrayList<>();
        if (Boolean.TRUE.equals(r.identicalProductRequired()) && !v.identicalProduct()) {
            p.add(Reason.of("application.prior.identicalProduct", cite).at("priorVerification.identicalProduct"));
        }
        if (!v.bodyApprovedOrAccredited()) {
            p.add(Reason.of("application.prior.body", r.acceptedBodies(), cite).at("priorVerification.bodyApprovedOrAccredited"));
        }
        if (v.statementIssuedOn() == null || v.statementReference() == null || v.statementReference().isBlank()) {
            p.add(Reason.of("application.prior.referenceRequired", cite).at("priorVerification.statementReference"));
        } else if (r.maxAgeMonths() != null && appliedOn != null
                && v.statementIssuedOn().isBefore(appliedOn.minusMonths(r.maxAgeMonths()))) {
            p.add(Reason.of("application.prior.tooOld", v.statementIssuedOn(), r.maxAgeMonths(), appliedOn, cite).at("priorVerification.statementIssuedOn"));
        }
        return Verdict.of(p);
    }
}
