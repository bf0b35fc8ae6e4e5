package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.Plans;
import cn.cfp.planning.TeamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 8 item 12 (each page in one language, no raw codes) and item 17 (usable on a 390 px phone; the evidence page's
 * organisation switch works under the CSP; the client sees no staff usernames), walked in a real headless Chromium as a
 * project manager and as a client, in Chinese and in English.
 */
@CfpIntegrationTest
class LanguageAndPhoneBrowserTest {

    /** An enum constant or code printed as is: SUPPLEMENT_REQUESTED, BAMBOO_RATTAN, DOCUMENT_REVIEW … */
    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z]{3,}(_[A-Z]+)+\\b");
    private static final Pattern KNOWN_CODES = Pattern.compile("\\b(SUBMITTED|REASONABLE|LIMITED|TEAM_PROPOSED|ACCEPTED|OVERRULE|REPLACE"
            + "|LEADER|INSPECTOR|LOW|MEDIUM|HIGH|UNCLEAR)\\b");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
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

    private long caseWithTeam() {
        CaseFixture fx = new CaseFixture(context);
        long app = fx.accepted("client-motor", "CEC-FURNITURE", "木家具", null, null);
        plans.proposeTeam(fx.who("pm"), app, "FURNITURE", List.of(new MemberInput(fx.userId("inspector"), TeamRole.LEADER),
                new MemberInput(fx.userId("inspector2"), TeamRole.INSPECTOR)));
        return app;
    }

    private void login(String user) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("cfp-demo-2026");
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("current-user"));
    }

    private String open(String path, String lang) {
        browser.get("http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        return browser.findElement(By.tagName("main")).getText();
    }

    /** Labels the platform writes itself (headings, column heads, field labels, buttons, menu): never data. */
    private List<String> ownLabels() {
        List<String> labels = new ArrayList<>();
        String me = browser.findElement(By.id("current-user")).getText(); // the greeting names the person: data
        for (WebElement e : browser.findElements(By.cssSelector("main h1, main h2, main th, main label, main button, .mainnav a, footer"))) {
            // a citation in brackets is a reference to the seed (its own text is checked by ShippedSchemesTest)
            labels.add(e.getText().replace(me, "").replaceAll("\\[[^\\]]*\\]", ""));
        }
        return labels;
    }

    private void assertNoRawCodes(String page, String text) {
        Matcher m = RAW_CODE.matcher(text);
        assertThat(m.find()).as("raw code %s on %s", m.hitEnd() ? "" : m.group(), page).isFalse();
        Matcher k = KNOWN_CODES.matcher(text);
        assertThat(k.find()).as("raw code %s on %s", k.hitEnd() ? "" : k.group(), page).isFalse();
    }

    @Test
    void a_project_manager_and_a_client_read_each_page_in_one_language_without_raw_codes() {
        long app = caseWithTeam();
        List<String> pages = List.of("/mywork", "/applications", "/applications/" + app, "/planning/" + app, "/evidence");
        for (String user : List.of("pm", "client-motor")) {
            login(user);
            for (String page : pages) {
                String zh = open(page, "zh_CN");
                assertNoRawCodes(user + " " + page + " (zh)", zh);
                assertThat(zh).as(page).doesNotContain("??");

                String en = open(page, "en");
                assertNoRawCodes(user + " " + page + " (en)", en);
                assertThat(en).as(page).doesNotContain("??");
                for (String label : ownLabels()) {
                    assertThat(CJK.matcher(label).find()).as("Chinese label '%s' on the English page %s as %s", label, page, user).isFalse();
                }
            }
            browser.findElement(By.id("logout")).click();
        }
        // issue 8 item 12: the risk factors of the verification plan are English on the English page
        login("pm");
        open("/planning/" + app, "en");
        String risks = browser.findElement(By.id("verification-plan")).getText();
        assertThat(risks).contains("likelihood of intentional misstatement").doesNotContain("故意错误陈述");
    }

    @Test
    void the_client_sees_display_names_not_staff_usernames_and_a_favicon_is_served() {
        long app = caseWithTeam();
        login("client-motor");
        String history = open("/applications/" + app, "zh_CN");
        // pm accepted the application: its history names the person, not the login name
        assertThat(browser.findElement(By.id("history")).getText()).contains("李强").doesNotContainPattern("(?m)\\bpm\\b");
        assertThat(history).contains("受理");
        String team = open("/planning/" + app, "zh_CN");
        assertThat(team).doesNotContain("inspector2").doesNotContainPattern("\\binspector\\b");
        assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/favicon.svg");
        browser.get("http://localhost:" + port + "/favicon.svg");
        assertThat(browser.getPageSource()).contains("<svg");
    }

    @Test
    void the_evidence_page_switches_organisation_under_the_csp() {
        login("pm");
        open("/evidence", "zh_CN");
        List<WebElement> options = browser.findElements(By.cssSelector("#org-choice select[name=org] option"));
        assertThat(options).hasSizeGreaterThan(1);
        String other = options.get(options.size() - 1).getAttribute("value");
        options.get(options.size() - 1).click();
        browser.findElement(By.id("choose-org")).click();
        assertThat(browser.getCurrentUrl()).contains("org=" + other);
        assertThat(browser.findElement(By.cssSelector("#evidence-form input[name=org]")).getAttribute("value")).isEqualTo(other);
    }

    @Test
    void key_pages_fit_a_390_px_phone_screen() {
        long app = caseWithTeam();
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String user : List.of("pm", "client-motor")) {
            login(user);
            for (String page : List.of("/mywork", "/applications", "/applications/" + app, "/planning/" + app, "/evidence")) {
                for (String lang : List.of("zh_CN", "en")) {
                    open(page, lang);
                    Number viewport = (Number) browser.executeScript("return document.documentElement.clientWidth;");
                    Number content = (Number) browser.executeScript("return document.scrollingElement.scrollWidth;");
                    assertThat(viewport.intValue()).isLessThanOrEqualTo(390);
                    assertThat(content.intValue()).as("%s %s as %s is %s px wide on a %s px screen", page, lang, user, content, viewport)
                            .isLessThanOrEqualTo(viewport.intValue());
                }
            }
            browser.findElement(By.id("logout")).click();
        }
    }
}
