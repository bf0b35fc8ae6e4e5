package cn.cfp.planning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.application.Applications;
import cn.cfp.cases.CaseEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * Events are the contract between modules: accepting an application publishes the case's {@link CaseEvents.CaseOpened},
 * and the planning module starts the plan from that event (after the acceptance committed) — it is never called.
 */
@CfpIntegrationTest
@EnableScenarios
class PlanningStartsFromTheCaseTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Applications applications;
    @Autowired
    Plans plans;
    @Autowired
    Clock clock;

    @Test
    void an_accepted_application_opens_its_case_and_the_case_opening_starts_the_plan(Scenario scenario) {
        CaseFixture fx = new CaseFixture(context);
        long id = fx.submitted("client-motor", "CEC-FURNITURE", "木家具", null, null);
        scenario.stimulate(() -> applications.accept(fx.who("pm"), id, CaseFixture.acceptance(LocalDate.now(clock))))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForEventOfType(CaseEvents.CaseOpened.class)
                .matching(e -> e.applicationId() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.schemeCode()).isEqualTo("CEC-FURNITURE");
                    assertThat(e.route()).startsWith(cn.cfp.scheme.Stage.PLANNING);
                });
        scenario.stimulate(() -> { })
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> plans.forApplication(id), Optional::isPresent)
                .andVerify(plan -> {
                    assertThat(plan.orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
                    // the product's Table 1 class is of the furniture field (scheme data, 002 §5.2.1): the team is judged in it
                    assertThat(plan.orElseThrow().field()).isEqualTo("FURNITURE");
                });
    }
}
