package cn.cfp.application;

import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agreed certification units (R-UNIT-1, R-UNIT-3): every unit named, with its functional or declared unit; every model
 * of the application in exactly one unit; a unit never spans two production sites [000 §6].
 */
final class UnitDivisionPolicy {

    private UnitDivisionPolicy() {
    }

    static Verdict check(List<ApplicationView.Product> products, List<CertificationUnits.AgreedUnit> units) {
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
        }
        for (String model : byModel.keySet()) {
            if (!seen.contains(model)) {
                problems.add(Reason.of("application.units.modelMissing", model).at("models"));
            }
        }
        return Verdict.of(problems);
    }
}
