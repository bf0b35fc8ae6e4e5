package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end in a real headless Chromium, once per seed scheme: the client registers a site, applies,
 * uploads the scheme's checklist, declares eligibility and submits; the project manager accepts after
 * the contract review and agrees the certification units (R-APP, R-UNIT).
 */
@CfpIntegrationTest
class ApplicationBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    cn.cfp.calendar.WorkingDayCalendar calendar;

    ChromeDriver browser;
    Path pdf;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        pdf = Files.createTempFile("evidence-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% uploaded in a browser test\n%%EOF\n", StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stop() throws Exception {
        browser.quit();
        Files.deleteIfExists(pdf);
    }

    private void login(String user) {
        Browser.login(browser, port, user);
    }

    /** Clicks and fails with the page's refusal reasons if the action was refused. */
    private void click(WebElement button) {
        Browser.click(browser, button);
    }

    /** True once the element's page has been replaced (Chrome reports this as stale or as a node outside the document). */
    private static boolean isGone(WebElement element) {
        return Browser.isGone(element);
    }

    private void setDate(WebElement input, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CNCA-CFP-00, PV13", "CNEX-01-G, PV13", "CEC-FURNITURE, 木家具", "CGC-R52003, PV13", "CICC-ZY-GZ-20, PV13"})
    void a_client_applies_and_the_project_manager_accepts_and_approves_the_plan_in_the_browser(String scheme, String category) {
        login("client-motor");
        browser.get("http://localhost:" + port + "/portal");
        WebElement siteForm = browser.findElements(By.cssSelector("form[action$='/portal/sites']")).get(0);
        siteForm.findElement(By.className("site-name")).sendKeys("总装车间 " + scheme);
        siteForm.findElement(By.className("site-address")).sendKeys("南阳市工业大道 8 号");
        click(siteForm.findElement(By.className("add-site")));
        assertThat(browser.getPageSource()).contains("总装车间 " + scheme);
        Browser.screenshot(browser, scheme + "-01-client-portal");

        browser.get("http://localhost:" + port + "/applications");
        new Select(browser.findElement(By.id("scheme"))).selectByValue(scheme);
        click(browser.findElement(By.id("create-application")));
        assertThat(browser.findElement(By.id("app-status")).getAttribute("data-status")).isEqualTo("DRAFT");

        // the scheme's application form (R-APP-1)
        for (WebElement row : browser.findElements(By.cssSelector("#application-form tr[data-field]"))) {
            String fieldId = row.getAttribute("data-field");
            List<WebElement> text = row.findElements(By.cssSelector("input"));
            if (!text.isEmpty()) {
                text.get(0).sendKeys(fieldId.equals("functional-unit") ? "1 台电动机" : "隔爆型三相异步电动机 " + fieldId);
            } else {
                Select select = new Select(row.findElement(By.tagName("select")));
                select.selectByIndex(1);
            }
        }
        click(browser.findElement(By.id("save-form")));
        String reference = browser.findElement(By.id("app-reference")).getText();
        Browser.screenshot(browser, scheme + "-02-client-form-saved");

        browser.findElement(By.id("productName")).sendKeys("隔爆电机");
        browser.findElement(By.id("model")).sendKeys("YBX3-" + reference);
        // a scheme's own classes are chosen (CEC Table 1, CGC fields); free text where the scheme lists none (issue 8 item 13)
        WebElement categoryField = browser.findElement(By.id("category"));
        if (categoryField.getTagName().equals("select")) {
            new Select(categoryField).selectByValue(category);
        } else {
            categoryField.sendKeys(category);
        }
        Select siteSelect = new Select(browser.findElement(By.id("siteId")));
        siteSelect.selectByVisibleText("总装车间 " + scheme);
        String siteId = siteSelect.getFirstSelectedOption().getAttribute("value");
        browser.findElement(By.id("bomItems")).sendKeys("150");
        browser.findElement(By.id("ghgSources")).sendKeys("28");
        click(browser.findElement(By.id("add-product-btn")));
        assertThat(browser.findElement(By.id("products")).getText()).contains("YBX3-" + reference);

        // the scheme's checklist: upload every required document, answer every conditional question
        List<String> required = browser.findElements(By.cssSelector("#checklist tr[data-kind='REQUIRED']")).stream()
                .map(r -> r.getAttribute("data-item")).toList();
        List<String> conditional = browser.findElements(By.cssSelector("#checklist tr[data-kind='CONDITIONAL']")).stream()
                .map(r -> r.getAttribute("data-item")).toList();
        assertThat(required).isNotEmpty();
        for (String item : required) {
            WebElement row = browser.findElement(By.cssSelector("#checklist tr[data-item='" + item + "']"));
            WebElement form = row.findElement(By.className("upload-doc"));
            form.findElement(By.name("file")).sendKeys(pdf.toString());
            click(form.findElement(By.tagName("button")));
        }
        for (String item : conditional) {
            WebElement row = browser.findElement(By.cssSelector("#checklist tr[data-item='" + item + "']"));
            new Select(row.findElement(By.name("applies"))).selectByValue("false");
            click(row.findElement(By.cssSelector("form[action$='/answer'] button")));
        }
        browser.findElements(By.cssSelector("#eligibility input[type=checkbox]")).forEach(WebElement::click);
        click(browser.findElement(By.id("save-eligibility")));
        click(browser.findElement(By.id("submit-application")));
        assertThat(browser.findElement(By.id("app-status")).getAttribute("data-status")).isEqualTo("SUBMITTED");
        Browser.screenshot(browser, scheme + "-03-client-submitted");
        String url = browser.getCurrentUrl();

        login("pm");
        browser.get(url);
        browser.findElements(By.className("review-item")).forEach(WebElement::click);
        setDate(browser.findElement(By.id("contractSignedOn")), LocalDate.now(clock));
        browser.findElement(By.id("fee")).sendKeys("人民币 28,000 元");
        click(browser.findElement(By.id("accept")));
        assertThat(browser.findElement(By.id("app-status")).getAttribute("data-status")).isEqualTo("ACCEPTED");
        assertThat(browser.findElement(By.id("clock")).getText()).contains("0 / 90");
        // the case is open at the first stage of the scheme's route
        assertThat(browser.findElement(By.id("case-status")).getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(browser.findElement(By.cssSelector("#case-route [data-stage='PLANNING']")).getAttribute("data-state")).isEqualTo("OPEN");

        click(browser.findElement(By.id("agree-units")));
        assertThat(browser.findElement(By.id("agreed-units")).getText()).contains("YBX3-" + reference).contains("1 台电动机");
        assertThat(browser.findElement(By.id("notices")).getText()).contains("受理通知书");
        Browser.screenshot(browser, scheme + "-04-pm-accepted");

        // planning (R-PLAN): team, man-days where the scheme has no table, inspection scheme, verification plan, approval
        long applicationId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        click(browser.findElement(By.id("to-planning")));
        // the plan is started by the planning module when the case opens (after the acceptance committed)
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(d -> {
            if (!d.findElements(By.id("team-form")).isEmpty()) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        WebElement team = browser.findElement(By.id("team-form"));
        new Select(team.findElement(By.name("field"))).selectByValue(scheme.equals("CEC-FURNITURE") ? "FURNITURE" : "PV13");
        new Select(team.findElement(By.name("role_" + userId("inspector")))).selectByValue("LEADER");
        new Select(team.findElement(By.name("role_" + userId("inspector2")))).selectByValue("INSPECTOR");
        new Select(team.findElement(By.name("role_" + userId("verifier")))).selectByValue("VERIFIER");
        click(team.findElement(By.id("propose-team")));
        assertThat(browser.findElement(By.id("plan-status")).getAttribute("data-status")).isEqualTo("TEAM_PROPOSED");

        if (browser.findElements(By.cssSelector("#man-day-table input[name^='md_']")).isEmpty()) {
            browser.findElement(By.name("extra_scope")).sendKeys("site-" + siteId);
            new Select(browser.findElement(By.name("extra_activity"))).selectByValue("ON_SITE_INSPECTION");
            browser.findElement(By.name("extra_md")).sendKeys("2");
            browser.findElement(By.name("extra_reason")).sendKeys("通用规则未规定人日，按复杂程度确定");
            click(browser.findElement(By.cssSelector("#man-days form button[type=submit]")));
        }

        WebElement is = browser.findElement(By.cssSelector("#inspection-scheme form"));
        for (String name : List.of("purpose", "units", "productTypes", "systemBoundary", "functionalUnit", "basis",
                "onSiteRequirements", "verificationRequirements", "schedule")) {
            WebElement input = is.findElement(By.name(name));
            input.clear();
            input.sendKeys("已填写：" + name);
        }
        setDate(is.findElement(By.name("dataPeriodFrom")), LocalDate.of(2025, 1, 1));
        setDate(is.findElement(By.name("dataPeriodTo")), LocalDate.of(2025, 12, 31));
        setDate(is.findElement(By.name("visitDate")), calendar.plusWorkingDays(LocalDate.now(clock), 5).date());
        click(is.findElement(By.cssSelector("button[type=submit]")));

        WebElement vp = browser.findElement(By.cssSelector("#verification-plan form"));
        vp.findElement(By.name("informationAnalysis")).sendKeys("已分析委托资料和产品工艺");
        new Select(vp.findElement(By.name("complexity"))).selectByValue("MEDIUM");
        for (WebElement risk : vp.findElements(By.cssSelector("select[name^='risk_']"))) {
            new Select(risk).selectByValue("LOW");
        }
        Select assurance = new Select(vp.findElement(By.name("assuranceLevel")));
        if (assurance.getOptions().size() > 1) {
            assurance.selectByIndex(1);
            vp.findElement(By.name("materialityPercent")).sendKeys("5");
        }
        vp.findElement(By.name("samplingPlan")).sendKeys("按物料清单抽样");
        vp.findElement(By.name("evidencePlan")).sendKeys("查阅记录、现场观察");
        vp.findElement(By.name("verificationActivities")).sendKeys("文件核查与现场核查");
        click(vp.findElement(By.cssSelector("button[type=submit]")));

        click(browser.findElement(By.id("approve")));
        assertThat(browser.findElement(By.id("plan-status")).getAttribute("data-status")).isEqualTo("APPROVED");
        Browser.screenshot(browser, scheme + "-05-pm-plan-approved");
        click(browser.findElement(By.id("send")));
        assertThat(browser.findElement(By.id("plan-status")).getAttribute("data-status")).isEqualTo("SENT");

        // the client sees the team's names and roles
        login("client-motor");
        browser.get("http://localhost:" + port + "/planning/" + applicationId);
        assertThat(browser.getPageSource()).contains("张伟").contains("陈静").contains("刘洋");
        Browser.screenshot(browser, scheme + "-06-client-plan");
        // the same page in English is English (issue 8 item 12): the headings the platform writes carry no Chinese
        browser.get("http://localhost:" + port + "/planning/" + applicationId + "?lang=en");
        Browser.screenshot(browser, scheme + "-07-client-plan-en");
        for (WebElement h : browser.findElements(By.cssSelector("main h1, main h2, main th, main button"))) {
            assertThat(h.getText().replaceAll("\\[[^\\]]*\\]", "")).as("English page label").doesNotContainPattern("\\p{IsHan}");
        }
        browser.get("http://localhost:" + port + "/applications/" + applicationId + "?lang=en");
        Browser.screenshot(browser, scheme + "-08-client-application-en");
        for (WebElement h : browser.findElements(By.cssSelector("main h1, main h2, main th, main button"))) {
            assertThat(h.getText().replaceAll("\\[[^\\]]*\\]", "")).as("English page label").doesNotContainPattern("\\p{IsHan}");
        }
    }

    /**
     * A refused form in the browser: the client registers a producer with a mistyped credit code; the same page comes
     * back with the reasons at the top of the form, the credit code's reason next to its field, and everything typed
     * still in the fields. A refusal of another kind (403) is a page inside the shell whose link back works.
     */
    @org.junit.jupiter.api.Test
    void a_refused_form_shows_its_reasons_on_the_same_page_with_the_input_kept() {
        login("client-motor");
        browser.get("http://localhost:" + port + "/portal");
        WebElement form = browser.findElement(By.id("party-form"));
        form.findElement(By.name("name")).sendKeys("浏览器回填测试企业");
        form.findElement(By.name("nameEn")).sendKeys("Browser Refill Ltd");
        form.findElement(By.name("creditCode")).sendKeys("91110000123456789A"); // 18 characters, wrong check character
        form.findElement(By.name("address")).sendKeys("回填路 18 号");
        form.findElement(By.name("legalRepresentative")).sendKeys("王五");
        form.findElement(By.name("contactName")).sendKeys("赵六");
        form.findElement(By.name("contactPhone")).sendKeys("010-66668888");
        WebElement submit = form.findElement(By.cssSelector("button[type=submit]"));
        submit.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(d -> isGone(submit));

        assertThat(browser.getCurrentUrl()).endsWith("/portal");
        WebElement again = browser.findElement(By.id("party-form"));
        WebElement reasons = again.findElement(By.id("refusal-reasons"));
        assertThat(reasons.isDisplayed()).isTrue();
        assertThat(reasons.getText()).contains("未能保存").contains("校验码");
        WebElement next = again.findElement(By.cssSelector(".field-error[data-field='creditCode']"));
        assertThat(next.isDisplayed()).isTrue();
        assertThat(next.getText()).contains("91110000123456789A");
        assertThat(again.findElement(By.name("name")).getAttribute("value")).isEqualTo("浏览器回填测试企业");
        assertThat(again.findElement(By.name("nameEn")).getAttribute("value")).isEqualTo("Browser Refill Ltd");
        assertThat(again.findElement(By.name("creditCode")).getAttribute("value")).isEqualTo("91110000123456789A");
        assertThat(again.findElement(By.name("address")).getAttribute("value")).isEqualTo("回填路 18 号");
        assertThat(again.findElement(By.name("contactPhone")).getAttribute("value")).isEqualTo("010-66668888");
        // only the refused form shows reasons: the site forms of the same page do not
        assertThat(browser.findElements(By.id("refusal-reasons"))).hasSize(1);

        // a page the client may not open: the shell's error page, and its link back is a real link that works
        browser.get("http://localhost:" + port + "/mywork");
        browser.executeScript("window.location.href = '/personnel';"); // navigates from my work, as a link would
        WebElement title = browser.findElement(By.id("error-title"));
        assertThat(title.getText()).isEqualTo("无权访问");
        assertThat(browser.findElement(By.id("current-user")).getText()).isNotBlank();
        WebElement back = browser.findElement(By.id("error-back"));
        assertThat(back.getAttribute("href")).endsWith("/mywork");
        back.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/mywork"));
    }

    private long userId(String username) {
        return new cn.cfp.CaseFixture(context).userId(username);
    }
}
