package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.access.Role;
import cn.cfp.access.UserDirectory;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8 item 15, in a real headless Chromium: the administrator filters the users list by text, role and status with
 * the search form, sorts it from a column head and pages through it — plain GET forms and links, no script (CSP) — and
 * the list fits a 390 px phone (item 17).
 */
@CfpIntegrationTest
class UsersListBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory directory;

    ChromeDriver browser;
    String tag;

    @BeforeEach
    void start() {
        tag = "ub" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Role[] roles = {Role.INSPECTOR, Role.VERIFIER, Role.INSPECTOR, Role.INSPECTOR};
        for (int i = 0; i < roles.length; i++) {
            long id = directory.create("admin", tag + "-" + (char) ('a' + i), "B " + tag + " " + i, "browser-list-pass-" + i,
                    Set.of(roles[i]), null);
            if (i == 2) {
                directory.update("admin", id, "B " + tag + " " + i, Set.of(roles[i]), null, false);
            }
        }
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void the_admin_filters_sorts_and_pages_the_users_list_with_the_form_and_the_column_heads() {
        login("admin");
        browser.get("http://localhost:" + port + "/admin/users");
        browser.findElement(By.id("search-q")).sendKeys(tag);
        browser.findElement(By.cssSelector("#search-role option[value=INSPECTOR]")).click();
        browser.findElement(By.id("search-submit")).click();
        assertThat(browser.getCurrentUrl()).contains("q=" + tag).contains("role=INSPECTOR");
        assertThat(rows()).containsExactly(tag + "-a", tag + "-c", tag + "-d");
        // the form shows what the list is filtered by
        assertThat(browser.findElement(By.cssSelector("#search-role option[value=INSPECTOR]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("search-q")).getAttribute("value")).isEqualTo(tag);

        browser.findElement(By.cssSelector("#search-status option[value=DISABLED]")).click();
        browser.findElement(By.id("search-submit")).click();
        assertThat(rows()).containsExactly(tag + "-c");

        browser.findElement(By.cssSelector("#search-status option[value='']")).click();
        browser.findElement(By.id("search-submit")).click();
        browser.findElement(By.id("sort-username")).click();
        assertThat(rows()).as("a click on the sorted column head reverses it").containsExactly(tag + "-d", tag + "-c", tag + "-a");
        assertThat(browser.findElement(By.id("sort-username")).getText()).endsWith("▼");

        // two a page: the second page holds the last one, and its link back keeps filter and order
        browser.get(browser.getCurrentUrl() + "&size=2");
        assertThat(rows()).containsExactly(tag + "-d", tag + "-c");
        browser.findElement(By.id("pager-next")).click();
        assertThat(rows()).containsExactly(tag + "-a");
        assertThat(browser.findElement(By.id("pager-range")).getText()).isEqualTo("第 3–3 条，共 3 条");
        browser.findElement(By.id("pager-prev")).click();
        assertThat(rows()).containsExactly(tag + "-d", tag + "-c");

        browser.findElement(By.id("search-clear")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/users");
    }

    @Test
    void the_users_and_evidence_lists_fit_a_390_px_phone_screen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        login("admin");
        for (String page : List.of("/admin/users?q=" + tag, "/admin/users?lang=en", "/evidence", "/evidence?lang=en")) {
            browser.get("http://localhost:" + port + page);
            browser.findElement(By.tagName("main"));
            Number viewport = (Number) browser.executeScript("return document.documentElement.clientWidth;");
            Number content = (Number) browser.executeScript("return document.scrollingElement.scrollWidth;");
            assertThat(content.intValue()).as("%s is %s px wide on a %s px screen", page, content, viewport)
                    .isLessThanOrEqualTo(viewport.intValue());
        }
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#users-table tr.user-row")).stream()
                .map((WebElement r) -> r.getAttribute("data-username")).toList();
    }

    private void login(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("cfp-demo-2026");
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("current-user"));
    }
}
