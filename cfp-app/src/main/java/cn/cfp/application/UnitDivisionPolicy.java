package cn.cfp.application;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.UnitDivision;
import cn.cfp.shared.Reason;
import java.util.Objects;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreed certification units (R-UNIT-1, R-UNIT-3): every unit named, with its functional or declared unit; every model
 * of the application in exactly one unit; a unit never spans two production sites [000 §6]. The scheme's division
 * (corrections B-1, B-2): under {@code modelsPerUnit: ONE} a unit holds one model unless a reason is recorded
 * (000 §6 "原则上"; 003 ¶15); a class/field division never mixes two classes/fields in one unit (002 §4; 003 ¶14 step 1)
 * and a class must be one of the scheme's list (002 §4 Table 1).
 */
final class UnitDivisionPolicy {

    private UnitDivisionPolicy() {
    }

    static Verdict check(List<ApplicationView.Product> products, List<CertificationUnits.AgreedUnit> units,
                         Cited<UnitDivision> division) {
        UnitDivision d = division == null ? null : division.value();
        String cite = division == null ? null : division.cite();
        if (units == null || units.isEmpty()) {
            return Verdict.refuse(Reason.of("application.units.none"));
        }
        List<Reason> problems = new ArrayList<>();
        Map<String, ApplicationView.Product> byModel = new LinkedHashMap<>();
        products.forEach(p -> byModel.put(p.model(), p));
        Set<String> seen = new TreeSet<>();
        for (CertificationUnits.AgreedUnit u : units) {
            if (u.label() == null || u.label().isBlank()) {
                problems.add(Reason.of("application.units.nameRequired").at("label"));
                continue;
            }
            if (u.functionalUnit() == null || u.functionalUnit().isBlank()) {
                problems.add(Reason.of("application.units.functionalUnitRequired", u.label()).at("functionalUnit"));
            }
            Set<Long> sites = new TreeSet<>();
            for (String model : u.models() == null ? List.<String>of() : u.models()) {
                ApplicationView.Product p = byModel.get(model);
                if (p == null) {
                    problems.add(Reason.of("application.units.unknownModel", u.label(), model).at("models"));
                } else if (p.siteId() != null) {
                    sites.add(p.siteId());
                }
                if (!seen.add(model)) {
                    problems.add(Reason.of("application.units.modelTwice", model).at("models"));
                }
            }
            if (sites.size() > 1) {
                problems.add(Reason.of("application.units.spansSites", u.label(), sites.size()).at("models"));
            }
            if (d == null) {
                continue;
            }
            List<String> known = u.models().stream().filter(byModel::containsKey).distinct().toList();
            if (d.modelsPerUnit() == UnitDivision.ModelsPerUnit.ONE && known.size() > 1
                    && (u.divisionReason() == null || u.divisionReason().isBlank())) {
                problems.add((d.exceptionCite() == null
                        ? Reason.of("application.units.oneModel", u.label(), known.size(), cite)
                        : Reason.of("application.units.oneModelUnlessReason", u.label(), known.size(), cite, d.exceptionCite()))
                        .at("divisionReason"));
            }
            if (d.oneCategoryPerUnit()) {
                Set<String> categories = new TreeSet<>();
                known.forEach(m -> categories.add(Objects.toString(byModel.get(m).category(), "?")));
                if (categories.size() > 1) {
                    problems.add(Reason.of(d.rule() == UnitDivision.Rule.BY_CLASS ? "application.units.mixesClasses"
                            : "application.units.mixesFields", u.label(), String.join("、", categories), cite).at("models"));
                }
                if (d.rule() == UnitDivision.Rule.BY_CLASS) {
                    for (String c : categories) {
                        if (d.classOf(c).isEmpty()) {
                            problems.add(Reason.of("application.units.notAClass", c, d.classes(), cite).at("models"));
                        }
                    }
                }
            }
        }
        for (String model : byModel.keySet()) {
            if (!seen.contains(model)) {
                problems.add(Reason.of("application.units.modelMissing", model).at("models"));
            }
        }
        return Verdict.of(problems);
    }
}
