package cn.cfp.application;

import cn.cfp.access.Actor;
import cn.cfp.cases.Cases;
import cn.cfp.shared.Reason;
import cn.cfp.audit.AuditTrail;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.UnitDivision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certification units (R-UNIT). The system proposes units from the product list by the scheme's
 * division rule and flags violations; staff record the agreed units with their functional or
 * declared unit (R-UNIT-3), which become contract content.
 */
@Service
public class CertificationUnits {

    /** A proposed or agreed unit; {@code problems} lists rule violations (empty when the unit is valid). */
    public record UnitProposal(String label, Long siteId, String category, List<String> models, List<Reason> problems) {
    }

    private final Applications applications;
    private final SchemeCatalog schemes;
    private final Cases cases;
    private final AuditTrail audit;

    CertificationUnits(Applications applications, SchemeCatalog schemes, Cases cases, AuditTrail audit) {
        this.applications = applications;
        this.schemes = schemes;
        this.cases = cases;
        this.audit = audit;
    }

    /**
     * Proposes units: one per (site, product, model) under the base rule [000 §6: same factory + product +
     * model; another site is another unit]; one per (site, class) when the scheme divides by classes
     * [002 §4]; one per (site, field, model) for stepwise division [003 ¶14 step 3: "不同型号产品视为不同认证单元"].
     */
    public List<UnitProposal> propose(long applicationId) {
        ApplicationView app = applications.get(applicationId);
        Scheme scheme = schemes.get(app.schemeCode());
        UnitDivision division = scheme.unitDivision().value();
        UnitDivision.Rule rule = division == null ? UnitDivision.Rule.SAME_FACTORY_PRODUCT_MODEL : division.rule();
        Map<String, List<ApplicationView.Product>> groups = new LinkedHashMap<>();
        for (ApplicationView.Product p : app.products()) {
            String key = switch (rule) {
                case SAME_FACTORY_PRODUCT_MODEL -> p.siteId() + "|" + p.productName() + "|" + p.model();
                case BY_CLASS -> p.siteId() + "|" + Objects.toString(p.category(), "?");
                case STEPWISE -> p.siteId() + "|" + Objects.toString(p.category(), "?") + "|" + p.model();
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<UnitProposal> units = new ArrayList<>();
        for (List<ApplicationView.Product> group : groups.values()) {
            ApplicationView.Product first = group.get(0);
            List<Reason> problems = new ArrayList<>();
            if ((rule == UnitDivision.Rule.BY_CLASS || rule == UnitDivision.Rule.STEPWISE) && first.category() == null) {
                problems.add(Reason.of(rule == UnitDivision.Rule.BY_CLASS ? "application.units.noClass" : "application.units.noField",
                        scheme.unitDivision().cite()));
            }
            if (rule == UnitDivision.Rule.BY_CLASS && first.category() != null && division.classOf(first.category()).isEmpty()) {
                problems.add(Reason.of("application.units.notAClass", first.category(), division.classes(), scheme.unitDivision().cite()));
            }
            String label = (first.category() != null && rule != UnitDivision.Rule.SAME_FACTORY_PRODUCT_MODEL ? first.category() + " · " : "")
                    + group.stream().map(ApplicationView.Product::productName).distinct().collect(Collectors.joining("/"))
                    + siteName(app, first.siteId());
            units.add(new UnitProposal(label, first.siteId(), first.category(),
                    group.stream().map(ApplicationView.Product::model).distinct().toList(), problems));
        }
        return units;
    }

    /**
     * Records the agreed units. A unit spanning two production sites, a model not in the application,
     * a model in two units, or a unit without its functional/declared unit is refused [R-UNIT-1, R-UNIT-3]; so is a
     * unit the scheme's division forbids (several models without a recorded reason, two classes/fields, a class
     * outside the scheme's list) [corrections B-2].
     */
    @Transactional
    public void agree(Actor staff, long applicationId, List<AgreedUnit> units) {
        Application a = applications.load(applicationId);
        if (a.status() == ApplicationStatus.ACCEPTED) {
            cases.require(applicationId).requireOpen();
        }
        ApplicationView app = applications.get(applicationId);
        a.agreeUnits(units == null ? List.of() : units.stream().map(u -> new ApplicationView.Unit(0, u.label().strip(), siteOf(app, u),
                u.category(), u.models(), u.functionalUnit() == null ? null : u.functionalUnit().strip(), true,
                u.divisionReason() == null || u.divisionReason().isBlank() ? null : u.divisionReason().strip())).toList(),
                UnitDivisionPolicy.check(app.products(), units, schemes.get(app.schemeCode()).unitDivision()));
        applications.save(a);
        audit.record(staff.username(), "UNITS_AGREED", Applications.target(a.reference()),
                Map.of("units", units.stream().map(u -> u.label() + " " + u.models() + " FU=" + u.functionalUnit()
                        + (u.divisionReason() == null || u.divisionReason().isBlank() ? "" : " reason=" + u.divisionReason())).toList()));
    }

    /**
     * A unit as agreed: label, models, the functional or declared unit, the class/field, and why it holds several
     * models where the scheme allows that only with a reason (000 §6, 003 ¶15).
     */
    public record AgreedUnit(String label, String category, List<String> models, String functionalUnit, String divisionReason) {
        public AgreedUnit {
            models = models == null ? List.of() : List.copyOf(models);
        }

        public AgreedUnit(String label, String category, List<String> models, String functionalUnit) {
            this(label, category, models, functionalUnit, null);
        }
    }

    private static Long siteOf(ApplicationView app, AgreedUnit u) {
        return app.products().stream().filter(p -> u.models().contains(p.model())).map(ApplicationView.Product::siteId)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String siteName(ApplicationView app, Long siteId) {
        return app.sites().stream().filter(s -> Objects.equals(s.id(), siteId)).findFirst().map(s -> " @ " + s.name()).orElse("");
    }
}
