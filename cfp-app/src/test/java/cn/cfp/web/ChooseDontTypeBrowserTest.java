package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.personnel.FieldCompetence;
import cn.cfp.personnel.StaffRegistry;
import cn.cfp.planning.PlanStatus;
import cn.cfp.planning.Plans;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 8 item 13 ("choose, don't type") in a real headless Chromium: a competence evaluator fills the competence table
 * (a row added by the page's external script, under the CSP), saves and finds the rows selected again; a project manager
 * checks a team — the verdict shows, the plan stays a draft — and then assigns it with the separate button.
 */
@CfpIntegrationTest
class ChooseDontTypeBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    StaffRegistry registry;
    @Autowired
    Plans plans;

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

    /** Submits with this button and waits for the next page. */
    private void submit(WebElement button) {
        Browser.submit(browser, button);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#competence-table tr.competence-row"));
    }

    private static void fill(WebElement row, String field, String level, boolean trained, boolean exam, String projects) {
        new Select(row.findElement(By.name("field"))).selectByValue(field);
        new Select(row.findElement(By.name("level"))).selectByValue(level);
        if (trained) {
            row.findElement(By.name("trained")).click();
        }
        if (exam) {
            row.findElement(By.name("examPassed")).click();
        }
        WebElement p = row.findElement(By.name("projects"));
        p.clear();
        p.sendKeys(projects);
    }

    @Test
    void the_competence_table_and_the_check_team_step_work_in_a_browser() {
        CaseFixture fx = new CaseFixture(context);
        long decider = fx.userId("decider");
        login("evaluator");
        browser.get("http://localhost:" + port + "/personnel/" + decider);
        int before = rows().size();
        assertThat(before).isGreaterThanOrEqualTo(3);
        // the external script shows "add a row" and adds one in place
        WebElement add = browser.findElement(By.id("add-competence-row"));
        assertThat(add.isDisplayed()).isTrue();
        add.click();
        assertThat(rows()).hasSize(before + 1);
        List<WebElement> rows = rows();
        fill(rows.get(0), "PV13", "EXPERT", false, false, "3");
        fill(rows.get(1), "FURNITURE", "PROFICIENT", true, true, "0");
        fill(rows.get(rows.size() - 1), "EXPLOSION_PROOF", "AWARE", true, false, "1"); // the added row
        submit(browser.findElement(By.id("save-profile")));
        assertThat(browser.findElements(By.id("refusal-reasons"))).isEmpty();

        assertThat(registry.get(decider).fields()).containsExactlyInAnyOrder(
                new FieldCompetence("PV13", cn.cfp.personnel.CompetenceLevel.EXPERT, false, false, 3),
                new FieldCompetence("FURNITURE", cn.cfp.personnel.CompetenceLevel.PROFICIENT, true, true, 0),
                new FieldCompetence("EXPLOSION_PROOF", cn.cfp.personnel.CompetenceLevel.AWARE, true, false, 1));
        // re-opened: the three rows selected as saved (the registry keeps them in code order), then empty rows
        browser.get("http://localhost:" + port + "/personnel/" + decider);
        rows = rows();
        assertThat(rows).hasSize(3 + 3);
        assertThat(new Select(rows.get(0).findElement(By.name("field"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("EXPLOSION_PROOF");
        assertThat(new Select(rows.get(0).findElement(By.name("level"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("AWARE");
        assertThat(rows.get(0).findElement(By.name("trained")).isSelected()).isTrue();
        assertThat(rows.get(0).findElement(By.name("examPassed")).isSelected()).isFalse();
        assertThat(new Select(rows.get(1).findElement(By.name("field"))).getFirstSelectedOption().getText()).isEqualTo("家具");
        assertThat(rows.get(1).findElement(By.name("examPassed")).isSelected()).isTrue();
        assertThat(new Select(rows.get(2).findElement(By.name("field"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("PV13");
        assertThat(new Select(rows.get(2).findElement(By.name("level"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("EXPERT");
        assertThat(rows.get(2).findElement(By.name("projects")).getAttribute("value")).isEqualTo("3");
        assertThat(new Select(rows.get(3).findElement(By.name("field"))).getFirstSelectedOption().getAttribute("value")).isEmpty();

        // the project manager checks a team, then assigns it
        long app = fx.accepted("client-motor", "CEC-FURNITURE", "木家具", null, null);
        login("pm");
        browser.get("http://localhost:" + port + "/planning/" + app);
        WebElement team = browser.findElement(By.id("team-form"));
        assertThat(new Select(team.findElement(By.name("field"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("FURNITURE");
        assertThat(team.findElement(By.cssSelector(".candidate-qualifications[data-user='" + fx.userId("inspector") + "']")).getText())
                .contains("CCAA-2021-P-10086").contains("家具 · 熟练具备");
        new Select(team.findElement(By.name("role_" + fx.userId("inspector")))).selectByValue("LEADER");
        new Select(team.findElement(By.name("role_" + fx.userId("verifier")))).selectByValue("VERIFIER");
        submit(team.findElement(By.id("check-team")));
        WebElement verdict = browser.findElement(By.id("team-check"));
        assertThat(verdict.getAttribute("data-allowed")).isEqualTo("false"); // no voluntary/green product certification (002 §5.2.1)
        assertThat(verdict.getText()).contains("不符合");
        assertThat(browser.findElement(By.id("plan-status")).getAttribute("data-status")).isEqualTo("DRAFT");
        team = browser.findElement(By.id("team-form"));
        // the choices are kept: add the second inspector and check again
        assertThat(new Select(team.findElement(By.name("role_" + fx.userId("inspector")))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("LEADER");
        new Select(team.findElement(By.name("role_" + fx.userId("inspector2")))).selectByValue("INSPECTOR");
        submit(team.findElement(By.id("check-team")));
        assertThat(browser.findElement(By.id("team-check")).getAttribute("data-allowed")).isEqualTo("true");
        assertThat(browser.findElement(By.id("plan-status")).getAttribute("data-status")).isEqualTo("DRAFT");
        assertThat(plans.forApplication(app).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);

        submit(browser.findElement(By.id("propose-team")));
        assertThat(browser.findElement(By.id("plan-status")).getAttribute("data-status")).isEqualTo("TEAM_PROPOSED");
        assertThat(plans.forApplication(app).orElseThrow().team()).hasSize(3);
    }
}
