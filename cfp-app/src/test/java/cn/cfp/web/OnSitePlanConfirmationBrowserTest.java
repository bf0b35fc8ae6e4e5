package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.access.Actor;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.planning.ClientAnswer;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.PlansWorkflowTestSupport;
import cn.cfp.planning.TeamRole;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Corrections B-8 in a real headless Chromium, on a 390 px phone: the applicant opens its plan page, sees the on-site
 * plan it was sent (revision 1, not answered), confirms it with a note, and the page then shows the confirmation in the
 * revision history [001 §9.6.2 "发给受核查方确认"].
 */
@CfpIntegrationTest
class OnSitePlanConfirmationBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    Plans plans;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Clock clock;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    private void login(String user) {
        Browser.login(browser, port, user);
    }

    /** Clicks a form's button, waits for the next page and fails with the page's refusal reasons if it was refused. */
    private void click(WebElement button) {
        Browser.click(browser, button);
    }

    @Test
    void the_applicant_confirms_the_on_site_plan_on_its_page_001_9_6_2() {
        CaseFixture fx = new CaseFixture(context);
        long app = fx.accepted("client-motor", "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        Actor pm = fx.who("pm");
        LocalDate visit = calendar.plusWorkingDays(LocalDate.now(clock), 5).date();
        plans.proposeTeam(pm, app, "EXPLOSION_PROOF", List.of(new MemberInput(fx.userId("inspector"), TeamRole.LEADER),
                new MemberInput(fx.userId("verifier"), TeamRole.VERIFIER)));
        plans.setInspectionScheme(pm, app, PlansWorkflowTestSupport.scheme(visit));
        plans.setVerificationPlan(pm, app, PlansWorkflowTestSupport.verification());
        plans.approve(pm, app);
        plans.send(pm, app);

        browser.manage().window().setSize(new Dimension(390, 844));
        login("client-motor");
        browser.get("http://localhost:" + port + "/planning/" + app);
        WebElement card = browser.findElement(By.id("onsite-plan"));
        assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo("现场核查计划");
        assertThat(browser.findElement(By.id("current-revision")).getText()).isEqualTo("第 1 版");
        assertThat(browser.findElement(By.id("answer-state")).getAttribute("data-answer")).isEqualTo("NONE");
        assertThat(browser.findElement(By.id("answer-state")).getText()).contains("确认前现场不能开始");
        Number viewport = (Number) browser.executeScript("return document.documentElement.clientWidth;");
        Number content = (Number) browser.executeScript("return document.scrollingElement.scrollWidth;");
        assertThat(content.intValue()).as("the plan page on a 390 px phone").isLessThanOrEqualTo(viewport.intValue());

        browser.findElement(By.id("confirm-note")).sendKeys("同意，届时安排生产线运行");
        click(browser.findElement(By.id("confirm-plan")));

        assertThat(browser.findElement(By.id("answer-state")).getAttribute("data-answer")).isEqualTo("CONFIRMED");
        assertThat(browser.findElement(By.id("answer-state")).getText()).isEqualTo("已确认");
        assertThat(browser.findElements(By.id("confirm-form"))).isEmpty();   // answered: no second confirmation
        WebElement row = browser.findElement(By.cssSelector("#revision-history tr.revision[data-revision='1']"));
        assertThat(row.getAttribute("data-answer")).isEqualTo("CONFIRMED");
        assertThat(row.getText()).contains("已确认").contains("同意，届时安排生产线运行").doesNotContain("client-motor");
        PlanView.Revision recorded = plans.forApplication(app).orElseThrow().revisions().get(0);
        assertThat(recorded.answer()).isEqualTo(ClientAnswer.CONFIRMED);
        assertThat(recorded.answeredBy()).isEqualTo("client-motor");
        assertThat(recorded.answerText()).isEqualTo("同意，届时安排生产线运行");
    }
}
