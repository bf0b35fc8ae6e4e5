package cn.cfp.planning;

import cn.cfp.shared.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspection scheme (检查方案) [000 §7.3.1; 001 §9.3.1] (R-PLAN-1): purpose, scope (certification units, product
 * types, system boundary, functional/declared unit, data time boundary), basis, on-site inspection requirements
 * (assurance capability and product consistency), PCF verification requirements, schedule with the visit date.
 * The team is the plan's team.
 */
public record InspectionScheme(String purpose, String units, String productTypes, String systemBoundary,
                               String functionalUnit, LocalDate dataPeriodFrom, LocalDate dataPeriodTo, String basis,
                               String onSiteRequirements, String verificationRequirements, String schedule,
                               LocalDate visitDate) {

    public static final String CITE = "000 §7.3.1";
    static final int MAX = 4000;

    /** What is missing or wrong, each at its form field; empty when complete. */
    public List<Reason> problems() {
        List<Reason> p = new ArrayList<>();
        required(p, purpose, "purpose", "planning.inspection.part.purpose");
        required(p, units, "units", "planning.inspection.part.units");
        required(p, productTypes, "productTypes", "planning.inspection.part.productTypes");
        required(p, systemBoundary, "systemBoundary", "planning.inspection.part.systemBoundary");
        required(p, functionalUnit, "functionalUnit", "planning.inspection.part.functionalUnit");
        required(p, basis, "basis", "planning.inspection.part.basis");
        required(p, onSiteRequirements, "onSiteRequirements", "planning.inspection.part.onSiteRequirements");
        required(p, verificationRequirements, "verificationRequirements", "planning.inspection.part.verificationRequirements");
        required(p, schedule, "schedule", "planning.inspection.part.schedule");
        if (dataPeriodFrom == null || dataPeriodTo == null) {
            p.add(Reason.of("planning.inspection.dataPeriodRequired", CITE).at(dataPeriodFrom == null ? "dataPeriodFrom" : "dataPeriodTo"));
        } else if (dataPeriodFrom.isAfter(dataPeriodTo)) {
            p.add(Reason.of("planning.dataPeriod", dataPeriodFrom, dataPeriodTo).at("dataPeriodFrom"));
        }
        if (visitDate == null) {
            p.add(Reason.of("planning.inspection.visitDateRequired", CITE).at("visitDate"));
        }
        String[] texts = {purpose, units, productTypes, systemBoundary, functionalUnit, basis, onSiteRequirements,
                verificationRequirements, schedule};
        String[] fields = {"purpose", "units", "productTypes", "systemBoundary", "functionalUnit", "basis", "onSiteRequirements",
                "verificationRequirements", "schedule"};
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null && texts[i].length() > MAX) {
                p.add(Reason.of("planning.inspection.tooLong", MAX).at(fields[i]));
                break;
            }
        }
        return p;
    }

    /** A required part: its form field and the code of its name. */
    static void required(List<Reason> p, String value, String field, String part) {
        if (value == null || value.isBlank()) {
            p.add(Reason.of("planning.inspection.required", Reason.of(part), CITE).at(field));
        }
    }
}
