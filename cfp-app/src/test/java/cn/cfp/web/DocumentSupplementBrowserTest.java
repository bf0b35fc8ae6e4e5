package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CaseFixture;
import cn.cfp.CfpIntegrationTest;
import cn.cfp.application.DocumentReviewConclusion;
import cn.cfp.application.DocumentReviews;
import cn.cfp.cases.Cases;
import cn.cfp.scheme.ChecklistItem;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/**
 * Issue 8 item 11 in a real headless Chromium: after a document review that does not conform, the client sees on its
 * application page what to supplement (never the reviewer's staff note), uploads the new version from that page and
 * submits the supplement; the project manager then records round 2, which shows that it reviewed version 2.
 */
@CfpIntegrationTest
class DocumentSupplementBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    DocumentReviews reviews;
    @Autowired
    Cases cases;
    @Autowired
    SchemeCatalog schemes;

    ChromeDriver browser;
    Path pdf;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        pdf = Files.createTempFile("supplement-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% the supplemented process flow chart, uploaded in a browser\n%%EOF\n", StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stop() throws Exception {
        browser.quit();
        Files.deleteIfExists(pdf);
    }

    private void login(String user) {
        Browser.login(browser, port, user);
    }

    /** Clicks a form's button, waits for the next page and fails with the page's refusal reasons if it was refused. */
    private void click(WebElement button) {
        Browser.click(browser, button);
    }

    @Test
    void the_client_uploads_the_requested_supplement_from_its_page_and_round_two_reviews_version_two() {
        CaseFixture fx = new CaseFixture(context);
        long id = fx.accepted("client-motor", "CNEX-01-G", "EXPLOSION_PROOF", 80, null);
        cases.complete(id, Stage.PLANNING, fx.who("pm"), "test: planning done");
        String item = schemes.get("CNEX-01-G").documentChecklist().value().items().stream()
                .filter(i -> i.kind() == ChecklistItem.Kind.REQUIRED).map(ChecklistItem::id).findFirst().orElseThrow();
        reviews.conclude(fx.who("pm"), id, DocumentReviewConclusion.DOES_NOT_CONFORM, "工艺流程图缺少外协工序",
                "内部备注：外协数据存疑", Map.of(item, "请补充包含外协工序的完整工艺流程图"));
        String page = "http://localhost:" + port + "/applications/" + id;

        login("client-motor");
        browser.get(page);
        WebElement card = browser.findElement(By.id("doc-supplement"));
        assertThat(card.getText()).contains("第 1 轮").contains("请补充包含外协工序的完整工艺流程图");
        assertThat(browser.getPageSource()).doesNotContain("外协数据存疑");
        WebElement row = card.findElement(By.cssSelector("#supplement-items tr[data-item='" + item + "']"));
        assertThat(row.findElement(By.className("supplement-state")).getAttribute("data-state")).isEqualTo("missing");
        WebElement upload = row.findElement(By.className("upload-supplement"));
        upload.findElement(By.name("file")).sendKeys(pdf.toString());
        click(upload.findElement(By.tagName("button")));
        row = browser.findElement(By.cssSelector("#supplement-items tr[data-item='" + item + "']"));
        assertThat(row.findElement(By.className("supplement-state")).getAttribute("data-state")).isEqualTo("uploaded");
        browser.findElement(By.cssSelector("#submit-supplement-form textarea[name=note]")).sendKeys("已补充外协工序");
        click(browser.findElement(By.id("submit-supplement")));
        assertThat(browser.findElements(By.id("doc-supplement"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".review-round[data-round='1'] .review-supplement")).getText())
                .contains("华安电机 申请联系人").doesNotContain("client-motor") // display names, not logins (issue 8 item 17)
                .contains("已补充外协工序");

        login("pm");
        browser.get(page);
        assertThat(browser.findElement(By.cssSelector(".review-round[data-round='1'] .staff-note")).getText()).contains("外协数据存疑");
        new Select(browser.findElement(By.id("conclusion"))).selectByValue("CONFORMS");
        click(browser.findElement(By.id("conclude-review")));
        assertThat(browser.findElement(By.cssSelector(".review-round[data-round='1'] .reviewed-file[data-item='" + item + "']"))
                .getAttribute("data-version")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".review-round[data-round='2'] .reviewed-file[data-item='" + item + "']"))
                .getAttribute("data-version")).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector(".review-round[data-round='2']")).getAttribute("data-conclusion")).isEqualTo("CONFORMS");
    }
}
