package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.application.ApplicationStatus;
import cn.cfp.application.ApplicationView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R-PLAN-3 "each site planned separately": which scopes an application gives for each man-day basis. */
class ManDayScopesTest {

    static final ApplicationView.Site S1 = new ApplicationView.Site(1, "一厂", "a");
    static final ApplicationView.Site S2 = new ApplicationView.Site(2, "二厂", "b");
    static final ApplicationView.Site UNUSED = new ApplicationView.Site(3, "三厂", "c");

    static ApplicationView app(String scheme, List<ApplicationView.Unit> units) {
        return new ApplicationView(9, "REF-9", scheme, 1, 1, 1, ApplicationStatus.ACCEPTED, List.of(S1, S2, UNUSED),
                List.of(new ApplicationView.Product(11, "电机", "M1", "PV13", 1L, 120, 10),
                        new ApplicationView.Product(12, "电机", "M2", "PV13", 1L, 450, 25),
                        new ApplicationView.Product(13, "电机", "M3", "PV13", 2L, 30, 5)),
                units, null);
    }

    @Test
    void per_site_schemes_plan_each_site_the_products_are_made_at_with_its_most_complex_product() {
        List<ManDayScope> scopes = Plans.scopes(app("CNEX-01-G", List.of()), null, ShippedSchemes.cnex().manDayTable());
        assertThat(scopes).extracting(ManDayScope::key).containsExactly("site-1", "site-2");
        assertThat(scopes.get(0).bomItems()).isEqualTo(450);
        assertThat(scopes.get(0).ghgSources()).isEqualTo(35);
    }

    @Test
    void per_unit_schemes_plan_each_certification_unit_003_54() {
        List<ApplicationView.Unit> units = List.of(new ApplicationView.Unit(21, "单元 A", 1L, "PV13", List.of("M1"), "1 台", true),
                new ApplicationView.Unit(22, "单元 B", 2L, "PV13", List.of("M3"), "1 台", true));
        List<ManDayScope> scopes = Plans.scopes(app("CGC-R52003", units), null, ShippedSchemes.cgc().manDayTable());
        // the document review (003 ¶46) counts once for the application: a project scope beside the units (decision D5)
        assertThat(scopes).extracting(ManDayScope::key).containsExactly("unit-21", "unit-22", "project");
        ManDayPlan p = ManDayCalculator.compute(ShippedSchemes.cgc().manDayTable(), scopes);
        // unit A: 120 items → 1.5 + 1 = 2.5; unit B: 30 items → 1 + 1 = 2; project: document review 10
        assertThat(p.totalOf("unit-21")).isEqualByComparingTo("2.5");
        assertThat(p.totalOf("unit-22")).isEqualByComparingTo("2");
        assertThat(p.totalOf("project")).isEqualByComparingTo("10");
        // before decision D5 the two units needed 2 × 10 days of document review
        assertThat(p.total()).isEqualByComparingTo("14.5");
    }

    @Test
    void per_project_schemes_plan_once_with_all_ghg_sources() {
        List<ManDayScope> scopes = Plans.scopes(app("CICC-ZY-GZ-20", List.of()), null, ShippedSchemes.cicc().manDayTable());
        assertThat(scopes).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("project");
            assertThat(s.ghgSources()).isEqualTo(40);
        });
    }
}
