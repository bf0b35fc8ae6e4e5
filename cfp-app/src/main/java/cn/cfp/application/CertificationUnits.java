package cn.cfp.application;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.audit.AuditTrail;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.UnitDivision;
import cn.cfp.shared.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    public record UnitProposal(String label, Long siteId, String category, List<String> models, List<String> problems) {
    }

    private final Applications applications;
    private final SchemeCatalog schemes;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CertificationUnits(Applications applications, SchemeCatalog schemes, JdbcClient jdbc, AuditTrail audit) {
        this.applications = applications;
        this.schemes = schemes;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Proposes units: one per (site, category, model) under the base rule [000 §6: same factory + product +
     * model; another site is another unit]; one per (site, class) when the scheme divides by classes
     * [002 §4]; one per (site, field/function) for stepwise division [003 ¶14: field → function → model → site],
     * keeping models of one function together.
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
                case BY_CLASS, STEPWISE -> p.siteId() + "|" + Objects.toString(p.category(), "?");
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<UnitProposal> units = new ArrayList<>();
        for (List<ApplicationView.Product> group : groups.values()) {
            ApplicationView.Product first = group.get(0);
            List<String> problems = new ArrayList<>();
            if ((rule == UnitDivision.Rule.BY_CLASS || rule == UnitDivision.Rule.STEPWISE) && first.category() == null) {
                problems.add("Products without a " + (rule == UnitDivision.Rule.BY_CLASS ? "class" : "field/function")
                        + " cannot be divided by the scheme's rule [" + scheme.unitDivision().cite() + "] / 产品未填写类别，无法按方案规则划分单元");
            }
            if (rule == UnitDivision.Rule.BY_CLASS && first.category() != null && division.classes().stream()
                    .noneMatch(c -> c.zh().equals(first.category()) || c.en().equalsIgnoreCase(first.category()))) {
                problems.add("'" + first.category() + "' is not one of the scheme's classes " + division.classes().stream()
                        .map(c -> c.zh()).toList() + " [" + scheme.unitDivision().cite() + "] / 类别不在方案规定的类别中");
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
     * a model in two units, or a unit without its functional/declared unit is refused [R-UNIT-1, R-UNIT-3].
     */
    @Transactional
    public void agree(CfpPrincipal staff, long applicationId, List<AgreedUnit> units) {
        Applications.requireReviewer(staff);
        ApplicationView app = applications.get(applicationId);
        Applications.requireStatus(app, ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED);
        List<String> problems = validate(app, units);
        if (!problems.isEmpty()) {
            throw new Refusal(400, problems);
        }
        jdbc.sql("DELETE FROM certification_unit WHERE application_id = :a").param("a", applicationId).update();
        for (AgreedUnit u : units) {
            jdbc.sql("""
                    INSERT INTO certification_unit (application_id, label, site_id, category, models, functional_unit, agreed)
                    VALUES (:a, :l, :s, :c, :m, :f, TRUE)""").param("a", applicationId).param("l", u.label().strip())
                    .param("s", siteOf(app, u)).param("c", u.category()).param("m", String.join("\n", u.models()))
                    .param("f", u.functionalUnit().strip()).update();
        }
        audit.record(staff.username(), "UNITS_AGREED", Applications.target(app.reference()),
                Map.of("units", units.stream().map(u -> u.label() + " " + u.models() + " FU=" + u.functionalUnit()).toList()));
    }

    /** A unit as agreed: label, models, the functional or declared unit, the class/field. */
    public record AgreedUnit(String label, String category, List<String> models, String functionalUnit) {
    }

    List<String> validate(ApplicationView app, List<AgreedUnit> units) {
        List<String> problems = new ArrayList<>();
        if (units == null || units.isEmpty()) {
            return List.of("Agree at least one certification unit / 至少确定一个认证单元");
        }
        Map<String, ApplicationView.Product> byModel = new LinkedHashMap<>();
        app.products().forEach(p -> byModel.put(p.model(), p));
        Set<String> seen = new TreeSet<>();
        for (AgreedUnit u : units) {
            if (u.label() == null || u.label().isBlank()) {
                problems.add("Every unit needs a name / 认证单元须有名称");
                continue;
            }
            if (u.functionalUnit() == null || u.functionalUnit().isBlank()) {
                problems.add("Unit '" + u.label() + "': state the functional or declared unit [R-UNIT-3] / 请填写功能单位或声明单位");
            }
            Set<Long> sites = new TreeSet<>();
            for (String model : u.models()) {
                ApplicationView.Product p = byModel.get(model);
                if (p == null) {
                    problems.add("Unit '" + u.label() + "': model '" + model + "' is not in the application / 型号不在申请中");
                } else {
                    sites.add(p.siteId());
                }
                if (!seen.add(model)) {
                    problems.add("Model '" + model + "' is in more than one unit / 型号重复划入多个单元");
                }
            }
            if (sites.size() > 1) {
                problems.add("Unit '" + u.label() + "' spans " + sites.size() + " production sites; a different site is a different unit [000 §6] / 不同生产场所应划分为不同单元");
            }
        }
        for (String model : byModel.keySet()) {
            if (!seen.contains(model)) {
                problems.add("Model '" + model + "' is in no unit / 型号未划入任何单元");
            }
        }
        return problems;
    }

    private static Long siteOf(ApplicationView app, AgreedUnit u) {
        return app.products().stream().filter(p -> u.models().contains(p.model())).map(ApplicationView.Product::siteId)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String siteName(ApplicationView app, Long siteId) {
        return app.sites().stream().filter(s -> Objects.equals(s.id(), siteId)).findFirst().map(s -> " @ " + s.name()).orElse("");
    }
}
