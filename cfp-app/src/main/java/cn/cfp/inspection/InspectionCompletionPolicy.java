package cn.cfp.inspection;

import cn.cfp.scheme.AssuranceChecklist;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When the on-site inspection may be completed (R-INS-1..3; 000 §7.5.1–7.5.3): the checklist completed for every
 * production site, every certification unit covered by the consistency check, the product observed in production
 * recorded, the attendance of each of the scheme's meetings recorded, and — unless the case's route closes NCs in a
 * stage of its own — no open nonconformity from the inspection. Refused with every reason that applies.
 */
public final class InspectionCompletionPolicy {

    private InspectionCompletionPolicy() {
    }

    /**
     * @param sites the production sites (id → name); @param units the certification units (id → label)
     * @param openNcs the verdict of the no-open-NC policy for the inspection's NCs, or null when NCs close later
     */
    public static Verdict check(InspectionView v, InspectionRules rules, Map<Long, String> sites, Map<Long, String> units,
                                Verdict openNcs) {
        List<Reason> reasons = new ArrayList<>(checklistMissing(v, rules.checklist(), sites));
        if (reasons.isEmpty() && v.checklistCompletedAt() == null) {
            reasons.add(Reason.of("inspection.checklist.notCompleted"));
        }
        reasons.addAll(unitsUncovered(v, rules, units));
        if (v.production() == null) {
            reasons.add(Reason.of("inspection.production.missing"));
        }
        for (InspectionRules.Meeting m : rules.attendanceMeetings()) {
            if (v.attendance().stream().noneMatch(a -> a.meeting() == m)) {
                reasons.add(Reason.of("inspection.attendance.missing", m));
            }
        }
        if (openNcs != null) {
            reasons.addAll(openNcs.reasons());
        }
        return Verdict.of(reasons);
    }

    /** One reason per checklist item × site without an answer. */
    public static List<Reason> checklistMissing(InspectionView v, AssuranceChecklist checklist, Map<Long, String> sites) {
        List<Reason> out = new ArrayList<>();
        for (Map.Entry<Long, String> site : sites.entrySet()) {
            for (AssuranceChecklist.Item item : checklist.items()) {
                if (v.answer(Answer.Kind.CHECKLIST, item.id(), site.getKey()).isEmpty()) {
                    out.add(Reason.of("inspection.checklist.missing", item.id(), site.getValue()));
                }
            }
        }
        return out;
    }

    /** One reason per unit not answered on every consistency item. */
    public static List<Reason> unitsUncovered(InspectionView v, InspectionRules rules, Map<Long, String> units) {
        List<Reason> out = new ArrayList<>();
        for (Map.Entry<Long, String> unit : units.entrySet()) {
            List<String> missing = rules.consistency().stream().map(InspectionRules.InspectionItem::id)
                    .filter(id -> v.answer(Answer.Kind.CONSISTENCY, id, unit.getKey()).isEmpty()).toList();
            if (!missing.isEmpty()) {
                out.add(Reason.of("inspection.consistency.unitUncovered", unit.getValue(), missing));
            }
        }
        return out;
    }
}
