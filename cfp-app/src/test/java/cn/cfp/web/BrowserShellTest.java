package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web shell in a real headless Chromium: login, navigation by role, language switch, scheme comparison. */
@CfpIntegrationTest
class BrowserShellTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    private void login(String user, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private void awaitHeading(String prefix) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().startsWith(prefix));
    }

    @Test
    void a_staff_member_logs_in_and_reads_all_five_schemes_side_by_side_in_chinese() {
        login("pm", "cfp-demo-2026");
        assertThat(browser.findElement(By.id("current-user")).getText()).contains("李强");
        browser.findElement(By.linkText("认证方案")).click();
        WebElement table = browser.findElement(By.id("scheme-comparison"));
        List<String> columns = table.findElements(By.cssSelector("th[data-scheme]")).stream()
                .map(th -> th.getAttribute("data-scheme")).toList();
        assertThat(columns).hasSize(5);
        String text = table.getText();
        assertThat(text).contains("000 §7.3.3");   // 90-day limit of the general rules, cited
        assertThat(text).contains("001 §12.1");    // CNEX validity 3 years, cited
        // the admin menu is not offered to a project manager
        assertThat(browser.findElements(By.linkText("用户管理"))).isEmpty();
    }

    @Test
    void the_interface_switches_to_english_and_the_admin_sees_admin_navigation() {
        login("admin", "cfp-demo-2026");
        // the login page has an h1 of its own: wait for the home page to replace it (an element read during
        // the navigation may be stale), then for the English page to replace the Chinese one
        awaitHeading("您好");
        browser.findElement(By.id("lang-en")).click();
        awaitHeading("Hello");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Hello");
        browser.findElement(By.linkText("Audit trail")).click();
        browser.findElement(By.id("verify-chain")).click();
        assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("Hash chain intact");
    }

    @Test
    void a_wrong_password_shows_a_clear_message_in_the_page() {
        login("pm", "not-the-password");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
    }
}
