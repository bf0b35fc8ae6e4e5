package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.verification.Aspect;
import cn.cfp.verification.Verifications;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 item 10 in a real headless Chromium on a 390 px phone: the client uploads the inventory (a broken file is
 * refused with the engine's words), the verifier concludes the six aspects one by one without a page submit, saves a
 * Table 2 row, recalculates and reads the total of VerificationWorkflowTest's hand calculation: 17.5 kg CO2e
 * (RAW 10.0 + PRODUCTION 7.5), claim 18.2 → +4.00 %.
 */
@CfpIntegrationTest
class VerificationBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    Verifications verifications;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    /** cfp-calc's template filled from three-process.json, with the unit of the first input row changed to 'kgg'. */
    static byte[] workbookWithBadUnit() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = VerificationBrowserTest.class.getResourceAsStream("/verification/three-process.json")) {
            cn.cfp.calc.io.InventoryWorkbook.write(cn.cfp.calc.io.InventoryJson.read(in, "bracket.json"), out);
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet inputs = wb.getSheet(cn.cfp.calc.io.InventoryWorkbook.INPUTS);
            for (org.apache.poi.ss.usermodel.Row row : inputs) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals("unit")) {
                        inputs.getRow(row.getRowNum() + 1).getCell(cell.getColumnIndex()).setCellValue("kgg");
                        java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
                        wb.write(bad);
                        return bad.toByteArray();
                    }
                }
            }
        }
        throw new AssertionError("no unit column in the inputs sheet");
    }

    private void waitSaved(WebElement box) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "已保存".equals(box.findElement(By.cssSelector(".state")).getText()));
    }

    @Test
    void the_client_uploads_and_the_verifier_concludes_the_six_aspects_and_recalculates_17_5_kg_R_VER_1_R_VER_3() throws IOException {
        OnSiteFixture fx = new OnSiteFixture(context);
        long app = fx.visitStarted("CNEX-01-G");
        browser.manage().window().setSize(new Dimension(390, 844));
        String page = "http://localhost:" + port + "/verification/" + app;

        Browser.login(browser, port, "client-motor");
        browser.get(page);
        Path broken = Files.createTempFile("bracket", ".xlsx");
        Files.write(broken, workbookWithBadUnit());
        browser.findElement(By.id("submission-file")).sendKeys(broken.toAbsolutePath().toString());
        browser.findElement(By.id("submission-claim")).sendKeys("18.2");
        List<String> reasons = Browser.submit(browser, browser.findElement(By.id("submission-submit")));
        assertThat(reasons).isNotEmpty();
        // the engine's message names the sheet, the column and the value
        assertThat(reasons.get(0)).contains("清单有误", "inputs", "unit", "kgg");
        assertThat(verifications.submissions(app)).isEmpty();

        Path good = Path.of("src/test/resources/verification/three-process.json").toAbsolutePath();
        browser.findElement(By.id("submission-file")).sendKeys(good.toString());
        WebElement claim = browser.findElement(By.id("submission-claim"));
        claim.clear();
        claim.sendKeys("18.2");
        Browser.click(browser, browser.findElement(By.id("submission-submit")));
        assertThat(browser.findElement(By.cssSelector("#submission-table tr[data-version='1'] .claimed")).getText())
                .isEqualTo("18.2 kg CO2e");
        Browser.screenshot(browser, "verification-client");

        Browser.login(browser, port, "verifier");
        browser.get(page);
        String url = browser.getCurrentUrl();
        for (Aspect a : Aspect.SIX) {
            WebElement box = browser.findElement(By.cssSelector(".aspect[data-aspect='" + a + "']"));
            box.findElement(By.cssSelector("input[type=radio][value='CONFORMS']")).click();
            waitSaved(box);
        }
        assertThat(browser.getCurrentUrl()).isEqualTo(url);   // no page submit
        assertThat(verifications.view(app).aspects()).hasSize(6)
                .allMatch(x -> x.conclusion() == Aspect.Conclusion.CONFORMS && "verifier".equals(x.by()));

        WebElement row = browser.findElement(By.cssSelector(".data-row[data-table='SECONDARY_DATA'][data-key='assembly / electricity']"));
        new Select(row.findElement(By.cssSelector(".conclusion"))).selectByValue("CONFORMS");
        waitSaved(row);

        Browser.click(browser, browser.findElement(By.id("recalculate")));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("17.500000");
        assertThat(browser.findElement(By.id("deviation")).getText()).isEqualTo("4.00 %");
        assertThat(browser.findElement(By.id("completion-ready")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "verification-staff");
    }
}
