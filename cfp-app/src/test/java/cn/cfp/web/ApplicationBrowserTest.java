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
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("cfp-demo-2026");
        browser.findElement(By.id("login-submit")).click();
        assertThat(browser.findElement(By.id("current-user")).getText()).isNotBlank();
    }

    /** Clicks and fails with the page's refusal reasons if the action was refused. */
    private void click(WebElement button) {
        button.click();
        // look for a refusal without waiting: an absent element must not cost the implicit wait
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
        List<WebElement> reasons;
        try {
            reasons = browser.findElements(By.id("refusal-reasons"));
        } finally {
            browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
        }
        assertThat(reasons).as(() -> "refused: " + reasons.get(0).getText()).isEmpty();
    }

    private void setDate(WebElement input, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CNCA-CFP-00, PV13", "CNEX-01-G, PV13", "CEC-FURNITURE, 木家具", "CGC-R52003, PV13", "CICC-ZY-GZ-20, PV13"})
    void a_client_applies_and_the_project_manager_accepts_in_the_browser(String scheme, String category) {
        login("client-motor");
        browser.get("http://localhost:" + port + "/portal");
        WebElement siteForm = browser.findElements(By.cssSelector("form[action$='/portal/sites']")).get(0);
        siteForm.findElement(By.className("site-name")).sendKeys("总装车间 " + scheme);
        siteForm.findElement(By.className("site-address")).sendKeys("南阳市工业大道 8 号");
        click(siteForm.findElement(By.className("add-site")));
        assertThat(browser.getPageSource()).contains("总装车间 " + scheme);

        browser.get("http://localhost:" + port + "/applications");
        new Select(browser.findElement(By.id("scheme"))).selectByValue(scheme);
        browser.findElement(By.id("form-productDescription")).sendKeys("隔爆型三相异步电动机，用于煤矿井下");
        browser.findElement(By.id("form-functionalUnit")).sendKeys("1 台电动机");
        click(browser.findElement(By.id("create-application")));
        assertThat(browser.findElement(By.id("app-status")).getAttribute("data-status")).isEqualTo("DRAFT");
        String reference = browser.findElement(By.id("app-reference")).getText();

        browser.findElement(By.id("productName")).sendKeys("隔爆电机");
        browser.findElement(By.id("model")).sendKeys("YBX3-" + reference);
        browser.findElement(By.id("category")).sendKeys(category);
        new Select(browser.findElement(By.id("siteId"))).selectByVisibleText("总装车间 " + scheme);
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
        String url = browser.getCurrentUrl();

        login("pm");
        browser.get(url);
        browser.findElements(By.className("review-item")).forEach(WebElement::click);
        setDate(browser.findElement(By.id("contractSignedOn")), LocalDate.now(clock));
        browser.findElement(By.id("fee")).sendKeys("人民币 28,000 元");
        click(browser.findElement(By.id("accept")));
        assertThat(browser.findElement(By.id("app-status")).getAttribute("data-status")).isEqualTo("ACCEPTED");
        assertThat(browser.findElement(By.id("clock")).getText()).contains("0 / 90");

        click(browser.findElement(By.id("agree-units")));
        assertThat(browser.findElement(By.id("agreed-units")).getText()).contains("YBX3-" + reference).contains("1 台电动机");
        assertThat(browser.findElement(By.id("notices")).getText()).contains("受理通知书");
    }
}
