package cn.cfp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.NonconformityStatus;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.planning.PlanStatus;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.verification.RecalculationView;
import cn.cfp.verification.Verifications;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo cases `./cfp serve` loads on a fresh database (the tests turn the automatic load off and call it here, in
 * the one shared test context): a person trying the platform finds a CNEX and a CGC case on site, a CICC case at stage
 * 1, a CEC plan sent, and — issue 10 item 9 — one case per shipped scheme walked by the modules' own services to
 * "ready for technical review" (R-REV-1's starting point) with the hand-worked verified footprint 18.5 kg CO2e per
 * piece (17.5 as submitted; the assembly meter read 12 kWh, not 10: +2 kWh x 0.5 = +1.0) and no open nonconformity
 * (R-NC-2).
 */
@CfpIntegrationTest
class DemoCasesTest {

    static final Set<String> SCHEMES = Set.of("CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003", "CICC-ZY-GZ-20");

    @Autowired
    DemoCases demo;
    @Autowired
    DemoWalk walk;
    @Autowired
    Plans plans;
    @Autowired
    Cases cases;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    Verifications verifications;
    @Autowired
    SchemeCatalog schemes;

    @Test
    void the_demo_holds_mid_way_cases_and_one_case_per_scheme_ready_for_technical_review_R_REV_1() {
        List<Long> before = plans.all().stream().map(PlanView::applicationId).toList();
        DemoCases.Result result = demo.load();

        assertThat(result.failed()).as("demo cases that failed (see the log)").isZero();
        assertThat(result.midway()).isEqualTo(4);
        assertThat(result.ready().keySet()).containsExactlyInAnyOrderElementsOf(SCHEMES);
        assertThat(schemes.codes()).containsExactlyInAnyOrderElementsOf(SCHEMES); // every shipped scheme has its demo case

        // the walked cases: at TECHNICAL_REVIEW, every NC raised on the way closed, the verified total 18.5
        for (Map.Entry<String, Long> e : result.ready().entrySet()) {
            long app = e.getValue();
            String scheme = e.getKey();
            assertThat(cases.require(app).schemeCode()).isEqualTo(scheme);
            assertThat(cases.require(app).currentStages()).as(scheme).containsExactly(Stage.TECHNICAL_REVIEW);
            assertThat(nonconformities.noneOpen(app, Set.of()).allowed()).as(scheme + ": no open NC").isTrue();
            List<NonconformityView> ncs = nonconformities.of(app);
            // the inspection finding (where the route has an on-site inspection; CICC's stage 2 is the verification)
            // and the verifier's correction, each raised, issued, answered and closed
            List<Stage> sources = cases.require(app).route().contains(Stage.ON_SITE_INSPECTION)
                    ? List.of(Stage.ON_SITE_INSPECTION, Stage.VERIFICATION) : List.of(Stage.VERIFICATION);
            assertThat(ncs).as(scheme).extracting(NonconformityView::source).containsExactlyInAnyOrderElementsOf(sources);
            assertThat(ncs).allSatisfy(n -> assertThat(n.status()).isEqualTo(NonconformityStatus.CLOSED));
            List<RecalculationView> recalculations = verifications.view(app).recalculations();
            assertThat(recalculations).as(scheme).hasSize(2);
            assertThat(recalculations.get(0).totalKgCo2e()).as(scheme + ": as submitted").isCloseTo(17.5, within(1e-9));
            RecalculationView verified = recalculations.get(1);
            assertThat(verified.totalKgCo2e()).as(scheme + ": verified").isCloseTo(18.5, within(1e-9));
            assertThat(verified.correctionIds()).hasSize(1);
            assertThat(verified.seed()).isEqualTo(DemoWalk.SEED);
            assertThat(verified.sha256()).isEqualTo(verifications.submissions(app).get(0).sha256());
        }

        // the mid-way cases, where a newcomer finds work to do
        List<PlanView> midway = plans.all().stream().filter(p -> !before.contains(p.applicationId()))
                .filter(p -> !result.ready().containsValue(p.applicationId())).toList();
        assertThat(midway).extracting(PlanView::schemeCode)
                .containsExactlyInAnyOrder("CNEX-01-G", "CGC-R52003", "CICC-ZY-GZ-20", "CEC-FURNITURE");
        for (PlanView p : midway) {
            List<Stage> stages = cases.require(p.applicationId()).currentStages();
            switch (p.schemeCode()) {
                case "CNEX-01-G" -> assertThat(stages).containsExactlyInAnyOrder(Stage.ON_SITE_INSPECTION, Stage.VERIFICATION);
                case "CGC-R52003" -> assertThat(stages).containsExactly(Stage.ON_SITE_INSPECTION);
                case "CICC-ZY-GZ-20" -> assertThat(stages).containsExactly(Stage.PRELIMINARY_EVALUATION);
                default -> assertThat(stages).containsExactly(Stage.DOCUMENT_REVIEW);
            }
            assertThat(p.status()).isEqualTo(p.schemeCode().equals("CEC-FURNITURE") ? PlanStatus.SENT : PlanStatus.VISIT_STARTED);
        }
    }

    @Test
    void a_refused_step_names_the_scheme_the_step_and_the_reason_code() {
        // a product class the scheme does not know: the application module refuses the product, the walk says where
        DemoWalk.DemoProduct unknown = new DemoWalk.DemoProduct("client-motor", "无此类产品", "X-1", "NO-SUCH-CLASS", null, "1 件");
        assertThatThrownBy(() -> walk.toTechnicalReview("CGC-R52003", unknown))
                .isInstanceOfSatisfying(DemoWalk.StepFailed.class, e -> {
                    assertThat(e.schemeCode()).isEqualTo("CGC-R52003");
                    assertThat(e.applicationId()).isNotNull();
                    assertThat(e.step()).isEqualTo("application: product");
                    assertThat(e.getMessage()).contains("refused (400)");
                });
    }
}
