package cn.cfp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.cases.Cases;
import cn.cfp.planning.PlanStatus;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.scheme.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo cases `./cfp serve` loads on a fresh database (the tests turn the automatic load off and call it here): a
 * person trying the platform finds a CNEX and a CGC case on site, a CICC case at stage 1, a CEC plan sent.
 */
@CfpIntegrationTest
class DemoCasesTest {

    @Autowired
    DemoCases demo;
    @Autowired
    Plans plans;
    @Autowired
    Cases cases;

    @Test
    void the_demo_cases_reach_their_on_site_stages_through_the_modules_own_use_cases() {
        List<Long> before = plans.all().stream().map(PlanView::applicationId).toList();
        demo.load();
        List<PlanView> made = plans.all().stream().filter(p -> !before.contains(p.applicationId())).toList();
        assertThat(made).extracting(PlanView::schemeCode)
                .containsExactlyInAnyOrder("CNEX-01-G", "CGC-R52003", "CICC-ZY-GZ-20", "CEC-FURNITURE");
        for (PlanView p : made) {
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
}
