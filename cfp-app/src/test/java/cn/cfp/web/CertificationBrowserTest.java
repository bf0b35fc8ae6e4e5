package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.ReviewReadyFixture;
import cn.cfp.body.BodyIdentity;
import cn.cfp.body.BodyKeys;
import cn.cfp.body.PdfSigner;
import cn.cfp.label.QrPayload;
import cn.cfp.label.QrPayloads;
import cn.cfp.scheme.SchemeCatalog;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 10's "done when" in a real headless Chromium: one case per scheme, made ready for technical review over the REST
 * API ({@link ReviewReadyFixture}: verified at 18.5 kgCO2e per piece, every NC closed), then worked on the pages people
 * use — the technical review answered item by item and completed (R-REV-1), the approval where the scheme asks for one,
 * the decision with the scheme's positive outcome (R-REV-2), the certificate's free fields filled and confirmed by the
 * preparer and its checked fields ticked by the reviewer (R-CERT-1), for the national label schemes the CNCA submission
 * recorded and the confirmed number entered on the numbering page [decision D2] (R-CERT-2), the issue (R-CERT-3); then
 * the signed PDF (text and PAdES signature, R-CERT-4), the label PNG's QR code decoded and its signature verified
 * (R-LBL-1, R-LBL-2), the anonymous public page and registry search (R-PUB-1) and the label check page (R-LBL-3).
 * A team member opening the review page is refused in words (R-REV-1). One public page in English has no Chinese in its
 * headings (R-X-4). Screenshots of the steps go to target/walkthrough/ (Certification-*).
 */
@CfpIntegrationTest
class CertificationBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SchemeCatalog schemes;
    @Autowired
    BodyIdentity body;
    @Autowired
    BodyKeys keys;
    @Autowired
    Clock clock;

    ChromeDriver browser;
    ReviewReadyFixture walk;

    @BeforeEach
    void start() {
        browser = Browser.start();
        walk = new ReviewReadyFixture(context, port);
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    void login(String user) {
        Browser.login(browser, port, user);
    }

    void anonymous() {
        browser.manage().deleteAllCookies();
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void shot(String scheme, String step) {
        Browser.screenshot(browser, "Certification-" + scheme + "-" + step);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** The path and query of a link on the page (to fetch its bytes as the signed-in user). */
    static String pathOf(WebElement link) {
        URI u = URI.create(link.getAttribute("href"));
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** The elements matching now, without the implicit wait (an absent element must not cost five seconds). */
    List<WebElement> now(By by) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(by);
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    void type(String id, String text) {
        WebElement in = browser.findElement(By.id(id));
        in.clear();
        in.sendKeys(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CNCA-CFP-00,    PASS",
            "CNEX-01-G,      PASS",
            "CEC-FURNITURE,  PASS",
            "CGC-R52003,     PASS_AFTER_NC_CLOSURE",
            "CICC-ZY-GZ-20,  PASS"})
    void a_case_is_worked_in_the_browser_from_technical_review_to_its_certificate_label_and_public_page(String scheme, String outcome)
            throws Exception {
        long started = System.nanoTime();
        long app = walk.readyForReview(scheme);
        long ready = System.nanoTime();

        // R-REV-1: a member of the inspection team may not review the case; the page says why in words
        login("inspector");
        open("/review/" + app);
        shot(scheme, "0-team-member-refused");
        assertThat(now(By.id("items-form"))).isEmpty();
        WebElement why = browser.findElement(By.id("reviewer-why"));
        assertThat(why.getText()).isNotBlank().doesNotContain("Exception", "review.", "access.");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel", "at cn.cfp.");

        // the technical review: every item answered "conforms", then completed
        login("reviewer");
        open("/review/" + app);
        List<WebElement> items = browser.findElements(By.cssSelector("#items-form fieldset"));
        assertThat(items).isNotEmpty();
        for (WebElement item : items) {
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", item);
            item.findElement(By.cssSelector("input[type=radio][value=CONFORMS]")).click();
            item.findElement(By.tagName("textarea")).sendKeys("已复核");
        }
        shot(scheme, "1-review-items");
        Browser.click(browser, browser.findElement(By.id("save-items")));
        browser.findElement(By.id("completion-text")).sendKeys("复核通过");
        Browser.click(browser, browser.findElement(By.id("complete-review")));
        assertThat(browser.findElement(By.id("review-complete")).getText()).isNotBlank();
        shot(scheme, "2-review-complete");

        // the approval where the scheme requires one, then the decision with the scheme's positive outcome
        login("decider");
        open("/review/" + app);
        if (!now(By.id("approval-form")).isEmpty()) {
            browser.findElement(By.id("approval-text")).sendKeys("同意");
            Browser.click(browser, browser.findElement(By.id("approve")));
            assertThat(browser.findElement(By.id("review-approved")).getText()).isNotBlank();
            shot(scheme, "3-approved");
        }
        browser.findElement(By.cssSelector("#decision-form input[name=outcome][value='" + outcome + "']")).click();
        Browser.click(browser, browser.findElement(By.id("decide")));
        assertThat(browser.findElement(By.id("decision-outcome")).getText()).isNotBlank();
        shot(scheme, "4-decided");

        // the preparer fills the certificate's free fields (the draft arrives from the decision after commit) and confirms
        login("preparer");
        open("/certificates/" + app);
        try {
            waiting().until(d -> {
                if (!now(By.id("draft-form")).isEmpty()) {
                    return true;
                }
                d.navigate().refresh();
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            shot(scheme, "5-certificate-missing");
            throw new AssertionError("no draft form: " + browser.findElement(By.tagName("main")).getText(), e);
        }
        assertThat(browser.findElement(By.id("certificate-data")).getText()).contains("18.5").doesNotContain("null");
        type("issuerName", "张签发");
        type("basis", "GB/T 24067-2024、" + scheme);
        type("productCode", "102");
        for (String[] extra : new String[][] {{"trademark", "牛牌"}, {"assuranceLevel", "合理保证"},
                {"surveillanceRecord", "首次发证"}, {"reportPeriod", "2025年1月1日至2025年12月31日"}}) {
            if (!now(By.id(extra[0])).isEmpty()) {
                type(extra[0], extra[1]);
            }
        }
        shot(scheme, "5-certificate-draft");
        Browser.click(browser, browser.findElement(By.id("save-draft")));
        Browser.click(browser, browser.findElement(By.id("confirm-draft")));

        // the reviewer ticks every field the scheme has checked before issue
        login("reviewer");
        open("/certificates/" + app);
        List<WebElement> fields = browser.findElements(By.cssSelector("#checks-form input[name=field]"));
        assertThat(fields).hasSize(schemes.get(scheme).certificateContent().value().checkedFields().size());
        for (WebElement f : fields) {
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", f);
            f.click();
        }
        shot(scheme, "6-checks");
        Browser.click(browser, browser.findElement(By.id("submit-checks")));
        assertThat(browser.findElement(By.id("checked-by")).getText()).isNotBlank();

        // D2: the national label schemes wait for CNCA's number; the staff member records the submission and enters it
        boolean cnca = "CNCA".equals(schemes.get(scheme).certificateNumber().value().authority().name());
        String compact = null;
        if (cnca) {
            login("preparer");
            open("/numbering");
            WebElement row = browser.findElement(By.id("request-" + app));
            assertThat(row.getAttribute("data-state")).isEqualTo("REQUESTED");
            browser.findElement(By.id("submit-" + app + "-channel")).sendKeys("CNCA 平台");
            browser.findElement(By.id("submit-" + app + "-note")).sendKeys("报送");
            Browser.click(browser, browser.findElement(By.cssSelector("#submit-" + app + " button[type=submit]")));
            assertThat(browser.findElement(By.id("request-" + app)).getAttribute("data-state")).isEqualTo("SUBMITTED");
            int year = LocalDate.now(clock).getYear();
            compact = "CFP" + body.bodyCode() + year + "102" + String.format("%04d", app % 10_000);
            browser.findElement(By.id("confirm-" + app + "-number")).sendKeys(compact);
            shot(scheme, "7-confirmed-number");
            Browser.click(browser, browser.findElement(By.cssSelector("#confirm-" + app + " button[type=submit]")));
            assertThat(browser.findElement(By.id("request-" + app)).getAttribute("data-state")).isEqualTo("CONFIRMED");
        }

        // the decider issues; the page shows the number and the downloads
        login("decider");
        open("/certificates/" + app);
        Browser.click(browser, browser.findElement(By.id("issue-certificate")));
        String number = browser.findElement(By.id("number-value")).getText().trim();
        if (compact != null) {
            assertThat(number.replace("-", "")).isEqualTo(compact);
        } else {
            assertThat(number).matches("[A-Z]+-CFP-" + LocalDate.now(clock).getYear() + "-\\d{5}");
        }
        assertThat(browser.findElement(By.id("certificate-issued")).getText()).contains(number);
        shot(scheme, "8-issued");

        // the PDF behind the page's link, fetched as the same user: text read back, the body's signature intact
        String pdfPath = pathOf(browser.findElement(By.cssSelector("#certificate-issued a[href*='certificate.pdf']")));
        HttpResponse<byte[]> pdf = walk.http().sendForBytes(pdfPath, "decider");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(number, "18.5", "kgCO2e", body.name());
        List<PdfSigner.SignatureCheck> signatures = PdfSigner.verify(pdf.body());
        assertThat(signatures).hasSize(1);
        assertThat(signatures.get(0).intact()).isTrue();
        assertThat(signatures.get(0).coversWholeFile()).isTrue();

        // the label PNG behind the page's link: its QR code decoded and its signature verified with the published keys
        String pngPath = pathOf(browser.findElement(By.cssSelector("#certificate-issued a[href*='label.png']")));
        HttpResponse<byte[]> png = walk.http().sendForBytes(pngPath, "decider");
        assertThat(png.statusCode()).isEqualTo(200);
        java.util.Optional<String> decoded = cn.cfp.label.internal.QrImages.decode(png.body());
        if (decoded.isEmpty()) {
            java.nio.file.Path kept = java.nio.file.Path.of("target", "walkthrough", "Certification-" + scheme + "-label-undecoded.png");
            java.nio.file.Files.write(kept, png.body());
            throw new AssertionError("no QR code found in the label PNG (kept as " + kept + ")");
        }
        String payloadText = decoded.get();
        QrPayload payload = QrPayloads.parse(payloadText);
        assertThat(payload.number()).isEqualTo(number);
        assertThat(QrPayloads.verify(payload, keys.published())).isTrue();

        // anonymous: the public page the QR code opens shows the certificate valid, 18.5 and the issuing body
        anonymous();
        open("/c/" + number);
        shot(scheme, "9-public-page");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("certificate-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.id("current-status")).getAttribute("class")).isEqualTo("status-valid");
        assertThat(browser.findElement(By.id("current-status")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("products")).getText()).contains("18.5");
        assertThat(browser.findElement(By.id("body-name")).getText()).isEqualTo(body.name());
        assertThat(now(By.id("status-alert"))).isEmpty();

        // the registry search by number finds it
        open("/registry");
        browser.findElement(By.id("q-number")).sendKeys(number);
        Browser.click(browser, browser.findElement(By.id("registry-search-submit")));
        shot(scheme, "11-registry");
        List<WebElement> rows = browser.findElements(By.cssSelector("#registry-results .registry-row"));
        assertThat(rows).extracting(r -> r.getAttribute("data-number")).containsExactly(number);
        assertThat(rows.get(0).getText()).contains(scheme);

        // the label check page, given the QR code's content, says genuine
        open("/verify-label");
        browser.findElement(By.id("payload")).sendKeys(payloadText);
        Browser.click(browser, browser.findElement(By.id("label-check")));
        shot(scheme, "12-verify-label");
        WebElement verdict = browser.findElement(By.id("label-verdict"));
        assertThat(verdict.getAttribute("data-genuine")).isEqualTo("true");
        assertThat(verdict.getAttribute("class")).contains("ok");
        assertThat(browser.findElement(By.id("label-number")).getText()).isEqualTo(number);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        // R-X-4: the public page in English (asked for last: the choice sticks to the session) has no Chinese in its headings
        open("/c/" + number + "?lang=en");
        shot(scheme, "13-public-page-en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        List<WebElement> headings = browser.findElements(By.cssSelector("main h1, main h2"));
        assertThat(headings).hasSizeGreaterThan(2);
        for (WebElement h : headings) {
            assertThat(h.getText()).as("heading " + h.getText()).doesNotContainPattern("\\p{IsHan}");
        }
        System.out.printf("CertificationBrowserTest %s: ready for review over REST in %d s, the browser walk in %d s%n", scheme,
                (ready - started) / 1_000_000_000, (System.nanoTime() - ready) / 1_000_000_000);
    }
}
