package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.inspection.Answer;
import cn.cfp.inspection.Inspections;
import cn.cfp.planning.OnSiteFixture;
import java.time.Duration;
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
 * R-INS-1 in a real headless Chromium on a 390 px phone: an answer given on the checklist page is saved at once (no
 * page submit), shows "已保存", and is there after a reload.
 */
@CfpIntegrationTest
class InspectionChecklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    Inspections inspections;

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
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("cfp-demo-2026");
        browser.findElement(By.id("login-submit")).click();
        assertThat(browser.findElement(By.id("current-user")).getText()).isNotBlank();
    }

    private WebElement box(long site) {
        return browser.findElement(By.cssSelector(".answer[data-item='A1-2.2'][data-target='" + site + "']"));
    }

    @Test
    void an_answer_on_the_checklist_page_is_saved_without_a_page_submit_and_is_there_after_reload_R_INS_1() {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        long site = inspections.sites(app).keySet().iterator().next();
        browser.manage().window().setSize(new Dimension(390, 844));
        login("inspector");
        browser.get("http://localhost:" + port + "/inspection/" + app);
        String url = browser.getCurrentUrl();
        WebElement box = box(site);
        box.findElement(By.cssSelector(".note")).sendKeys("文件均为有效版本");
        box.findElement(By.cssSelector("input[type=radio][value='CONFORMS']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "已保存".equals(box(site).findElement(By.cssSelector(".state")).getText()));
        assertThat(browser.getCurrentUrl()).isEqualTo(url);   // no page submit
        Answer saved = inspections.view(app).answer(Answer.Kind.CHECKLIST, "A1-2.2", site).orElseThrow();
        assertThat(saved.result()).isEqualTo(Answer.Result.CONFORMS);
        assertThat(saved.answeredBy()).isEqualTo("inspector");

        browser.navigate().refresh();
        WebElement after = box(site);
        assertThat(after.findElement(By.cssSelector("input[type=radio][value='CONFORMS']")).isSelected()).isTrue();
        assertThat(after.findElement(By.cssSelector(".state")).getText()).isEqualTo("已保存");
        assertThat(after.getAttribute("data-version")).isEqualTo(String.valueOf(saved.version()));
    }
}
