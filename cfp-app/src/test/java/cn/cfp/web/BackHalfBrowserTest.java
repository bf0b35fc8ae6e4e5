package cn.cfp.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.calc.io.InventoryJson;
import cn.cfp.calc.io.InventoryWorkbook;
import cn.cfp.cases.Cases;
import cn.cfp.planning.OnSiteFixture;
import cn.cfp.scheme.Stage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 9's "done when" in a real headless Chromium: one case per scheme, from the plan sent to the client, through the
 * pages people use — the document review, the client's confirmation, the visit start, the evaluations its scheme has
 * (CICC stage 1, CGC claim and evidence), the on-site checklist answered item by item (each saved as it is given), the
 * product consistency, the PCF verification of the client's uploaded workbook, nonconformities issued, answered by the
 * client with a file and closed by the team, CNEX's report — to "ready for technical review". Screenshots of the steps
 * go to target/walkthrough/ (BackHalf-*).
 */
@CfpIntegrationTest
class BackHalfBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Cases cases;
    @Autowired
    Clock clock;

    @TempDir
    Path tmp;

    ChromeDriver browser;
    OnSiteFixture fx;

    @BeforeEach
    void start() {
        browser = Browser.start();
        fx = new OnSiteFixture(context);
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    void login(String user) {
        Browser.login(browser, port, user);
    }

    void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    void shot(String scheme, String step) {
        Browser.screenshot(browser, "BackHalf-" + scheme + "-" + step);
    }

    List<Stage> stages(long app) {
        return cases.require(app).currentStages();
    }

    void setDate(WebElement input, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }

    /** Waits until the answer box shows it was saved (the page saves each answer as it is given, no submit). */
    void awaitSaved(WebElement box) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "已保存".equals(box.findElement(By.cssSelector(".state")).getText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNCA-CFP-00", "CNEX-01-G", "CEC-FURNITURE", "CGC-R52003", "CICC-ZY-GZ-20"})
    void a_case_is_worked_in_the_browser_from_its_sent_plan_to_its_technical_review(String scheme) throws Exception {
        long app = fx.planSent(scheme);

        // the project manager concludes the document review on the case page
        login("pm");
        open("/applications/" + app);
        new Select(browser.findElement(By.id("conclusion"))).selectByValue("CONFORMS");
        browser.findElement(By.id("findings")).sendKeys("文件齐全、有效");
        Browser.click(browser, browser.findElement(By.cssSelector("#document-review-form button[type=submit]")));
        assertThat(browser.findElements(By.id("to-inspection")).size() + browser.findElements(By.id("to-verification")).size()).isPositive();

        // the client confirms the on-site plan where the scheme requires it
        if (!context.getBean(cn.cfp.planning.Plans.class).visitGate(app).allowed()) {
            login("client-motor");
            open("/planning/" + app);
            Browser.click(browser, browser.findElement(By.id("confirm-plan")));
        }
        // the team leader starts the visit
        login("inspector");
        open("/planning/" + app);
        Browser.click(browser, browser.findElement(By.id("start-visit")));

        for (int guard = 0; guard < 10 && !stages(app).equals(List.of(Stage.TECHNICAL_REVIEW)); guard++) {
            List<Stage> now = stages(app);
            if (now.contains(Stage.PRELIMINARY_EVALUATION)) {
                stage1(app, scheme);
            } else if (now.contains(Stage.ON_SITE_INSPECTION)) {
                inspection(app, scheme);
                if (now.contains(Stage.VERIFICATION)) {
                    verification(app, scheme);
                }
            } else if (now.contains(Stage.VERIFICATION)) {
                verification(app, scheme);
            } else if (now.contains(Stage.NC_CLOSURE)) {
                closeAll(app, "PRELIMINARY_EVALUATION", "verifier", scheme);
                closeAll(app, "VERIFICATION", "verifier", scheme);
                login("verifier");
                open("/nonconformities/" + app);
                Browser.click(browser, browser.findElement(By.cssSelector("#closure-form button[type=submit]")));
            } else if (now.contains(Stage.REPORT)) {
                login("preparer");
                open("/reports/" + app);
                browser.findElement(By.cssSelector("input[name=conclusion][value=POSITIVE]")).click();
                browser.findElement(By.id("verifiedInformation")).sendKeys("产品碳足迹 18.5 kgCO2e/件（从摇篮到大门）");
                Browser.click(browser, browser.findElement(By.id("submit-report")));
                assertThat(browser.findElement(By.id("report-conclusion")).getText()).isEqualTo("肯定的核查结论");
            } else {
                throw new AssertionError(scheme + ": unexpected stages " + now);
            }
        }
        assertThat(stages(app)).as(scheme).containsExactly(Stage.TECHNICAL_REVIEW);
        login("pm");
        open("/applications/" + app);
        shot(scheme, "9-ready-for-technical-review");
        assertThat(browser.getPageSource()).contains(Stage.TECHNICAL_REVIEW.label(java.util.Locale.CHINA));
    }

    /** CICC stage 1 on the evaluation page: one finding, the decision to proceed, then stage 2 starts. */
    void stage1(long app, String scheme) {
        login("verifier");
        open("/evaluation/" + app);
        WebElement form = browser.findElement(By.id("stage1-form"));
        form.findElement(By.cssSelector("input[name=onSite][value=false]")).click();
        form.findElement(By.name("combinedWithDocumentCheck")).click();
        boolean first = true;
        for (WebElement select : form.findElements(By.cssSelector("select[name^='c_']"))) {
            String item = select.getAttribute("name").substring(2);
            new Select(select).selectByValue(first ? "NONCONFORMS" : "CONFORMS");
            form.findElement(By.name("n_" + item)).sendKeys(first ? "系统边界未包含包装过程" : "符合");
            first = false;
        }
        new Select(form.findElement(By.name("decision"))).selectByValue("PROCEED");
        form.findElement(By.name("reason")).sendKeys("边界问题在二阶段验证关闭");
        shot(scheme, "1-stage1");
        Browser.click(browser, form.findElement(By.cssSelector("button[type=submit]")));
        Browser.click(browser, browser.findElement(By.cssSelector("#stage2-form button[type=submit]")));
        assertThat(browser.findElements(By.id("stage2-started"))).hasSize(1);
    }

    /** The on-site inspection page: every checklist item at every site (one finding), consistency, production, meetings. */
    void inspection(long app, String scheme) throws Exception {
        login("inspector");
        open("/inspection/" + app);
        boolean graded = !browser.findElements(By.cssSelector("#checklist .answer select.nc-class")).isEmpty();
        List<WebElement> boxes = browser.findElements(By.cssSelector("#checklist .answer"));
        assertThat(boxes).hasSizeGreaterThan(30);
        boolean first = true;
        for (WebElement box : boxes) {
            if (first) {
                box.findElement(By.cssSelector(".note")).sendKeys("现场未能提供相关记录");
                if (graded) {
                    new Select(box.findElement(By.cssSelector("select.nc-class"))).selectByValue("GENERAL");
                    box.findElement(By.cssSelector("input.effect")).sendKeys("0");
                }
                box.findElement(By.cssSelector("input[type=radio][value='NONCONFORMS']")).click();
                first = false;
                awaitSaved(box);
            } else {
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                box.findElement(By.cssSelector("input[type=radio][value='CONFORMS']")).click();
            }
        }
        // each answer saves on its own as it is given; the page shows every one saved (no page submit)
        boxes.forEach(this::awaitSaved);
        shot(scheme, "2-checklist");
        Browser.click(browser, browser.findElement(By.cssSelector("#checklist-form button[type=submit]")));
        for (WebElement form : browser.findElements(By.cssSelector("#consistency form[id^='products-']"))) {
            String id = form.getAttribute("id");
            form.findElement(By.name("identifiers")).sendKeys("B-01\nB-02\nB-03\nB-04");
            Browser.click(browser, form.findElement(By.cssSelector("button[type=submit]")));
            String unit = id.substring("products-".length());
            Browser.click(browser, browser.findElement(By.cssSelector("#sample-" + unit + " button[type=submit]")));
        }
        assertThat(browser.findElements(By.cssSelector("#consistency .sample"))).isNotEmpty();
        List<WebElement> consistency = browser.findElements(By.cssSelector("#consistency .answer"));
        for (WebElement box : consistency) {
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            box.findElement(By.cssSelector("input[type=radio][value='CONSISTENT']")).click();
        }
        consistency.forEach(this::awaitSaved);
        WebElement production = browser.findElement(By.id("production-form"));
        production.findElement(By.id("production-model")).sendKeys("M-" + app);
        production.findElement(By.id("production-line")).sendKeys("总装一线");
        Browser.click(browser, production.findElement(By.cssSelector("button[type=submit]")));
        List<String> meetings = new Select(browser.findElement(By.id("attendance-meeting"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        for (String meeting : meetings) {
            new Select(browser.findElement(By.id("attendance-meeting"))).selectByValue(meeting);
            browser.findElement(By.id("attendance-name")).sendKeys("王厂长");
            browser.findElement(By.id("attendance-organisation")).sendKeys("委托方");
            browser.findElement(By.id("attendance-position")).sendKeys("总经理");
            Browser.click(browser, browser.findElement(By.cssSelector("#attendance-form button[type=submit]")));
        }
        // the finding's nonconformity is still open: completing is refused in words
        List<String> refused = Browser.submit(browser, browser.findElement(By.cssSelector("#completion-form button[type=submit]")));
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0)).contains("不符合项");
        closeAll(app, "ON_SITE_INSPECTION", "inspector", scheme);
        login("inspector");
        open("/inspection/" + app);
        Browser.click(browser, browser.findElement(By.cssSelector("#completion-form button[type=submit]")));
        shot(scheme, "3-inspection-completed");
        assertThat(browser.findElements(By.id("completed"))).hasSize(1);
    }

    /** The PCF verification pages: the client uploads the workbook, the verifier works it and completes. */
    void verification(long app, String scheme) throws Exception {
        if (scheme.equals("CGC-R52003")) {
            claimEvaluation(app, scheme);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = getClass().getResourceAsStream("/verification/three-process.json")) {
            InventoryWorkbook.write(InventoryJson.read(new ByteArrayInputStream(in.readAllBytes()), "bracket.json"), out);
        }
        Path xlsx = tmp.resolve("bracket-" + app + ".xlsx");
        Files.write(xlsx, out.toByteArray());
        // the client uploads its workbook with its claimed value
        login("client-motor");
        open("/verification/" + app);
        browser.findElement(By.id("submission-file")).sendKeys(xlsx.toString());
        browser.findElement(By.id("submission-claim")).sendKeys("17.5");
        Browser.click(browser, browser.findElement(By.id("submission-submit")));
        assertThat(browser.findElements(By.cssSelector("#submission-table tr"))).hasSizeGreaterThan(1);
        shot(scheme, "6-client-submitted");

        // the verifier concludes the six aspects (each saved as it is given), corrects the meter reading, recalculates
        login("verifier");
        open("/verification/" + app);
        List<WebElement> aspects = browser.findElements(By.cssSelector("#aspects .answer.aspect"));
        for (WebElement box : aspects) {
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            box.findElement(By.cssSelector("input[type=radio][value='CONFORMS']")).click();
        }
        aspects.forEach(this::awaitSaved);
        WebElement correction = browser.findElement(By.id("correction-form"));
        new Select(correction.findElement(By.name("kind"))).selectByValue("ACTIVITY");
        // chosen from the submission's data, not typed: process "assembly", input "electricity" (10 kWh)
        new Select(correction.findElement(By.id("correction-target"))).selectByValue("assembly::electricity");
        correction.findElement(By.name("correctedValue")).sendKeys("12");
        correction.findElement(By.name("reason")).sendKeys("电表读数为 12 kWh");
        Browser.click(browser, correction.findElement(By.cssSelector("button[type=submit]")));
        WebElement recalc = browser.findElement(By.id("recalculation-form"));
        recalc.findElement(By.name("iterations")).sendKeys("200");
        recalc.findElement(By.name("seed")).sendKeys("20261203");
        Browser.click(browser, browser.findElement(By.id("recalculate")));
        // 17.5 + 2 kWh x 0.5 = 18.5 kg CO2e (the hand-worked example of BackHalfFlowApiTest)
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("18.500000");
        assertThat(browser.findElement(By.id("monte-carlo")).getText()).contains("20261203");
        shot(scheme, "7-recalculated");

        // the finding becomes a nonconformity, from the correction
        WebElement nc = browser.findElement(By.id("nc-form"));
        Select from = new Select(nc.findElement(By.name("correctionId")));
        from.selectByIndex(from.getOptions().size() - 1);
        nc.findElement(By.name("clause")).sendKeys("000 Ann.2 §4.3.2.1");
        nc.findElement(By.name("description")).sendKeys("组装工序电耗少报 2 kWh");
        Browser.click(browser, nc.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElements(By.cssSelector("#nc-table tr"))).hasSize(1);
        if (!cases.require(app).route().contains(Stage.NC_CLOSURE)) {
            closeAll(app, "VERIFICATION", "verifier", scheme);
        }
        login("verifier");
        open("/verification/" + app);
        Browser.click(browser, browser.findElement(By.cssSelector("#completion-form button[type=submit]")));
        assertThat(browser.findElements(By.id("verification-done"))).hasSize(1);
        shot(scheme, "8-verification-completed");
    }

    /** A CGC quantification NC closes with the recalculation that verified it (chosen: newest first) and the amended claim [003 ¶73]. */
    void fillRecalculation(long app, WebElement form) {
        var results = context.getBean(cn.cfp.verification.Verifications.class).view(app).recalculations();
        Select ref = new Select(form.findElement(By.name("recalculationRef")));
        assertThat(ref.getFirstSelectedOption().getAttribute("value")).isEqualTo(String.valueOf(results.get(results.size() - 1).id()));
        assertThat(ref.getFirstSelectedOption().getText()).contains("18.500000 kg CO2e");
        form.findElement(By.name("amendedClaim")).sendKeys("18.5");
    }

    /** CGC's claim-and-evidence evaluation conforms on the evaluation page. */
    void claimEvaluation(long app, String scheme) {
        login("verifier");
        open("/evaluation/" + app);
        WebElement form = browser.findElement(By.id("claim-form"));
        for (WebElement select : form.findElements(By.cssSelector("select[name^='c_']"))) {
            new Select(select).selectByValue("CONFORMS");
        }
        new Select(form.findElement(By.name("conclusion"))).selectByValue("CONFORMS");
        shot(scheme, "4-claim-evaluation");
        Browser.click(browser, form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("on-site-gate")).getAttribute("data-allowed")).isEqualTo("true");
    }

    /**
     * The nonconformity pages: the team issues the list of {@code source} with the agreed due date, the client answers
     * each with a file, the team accepts it (CGC quantification NCs with the recalculation and the amended claim).
     */
    void closeAll(long app, String source, String member, String scheme) throws Exception {
        login(member);
        open("/nonconformities/" + app);
        WebElement issue = browser.findElement(By.id("issue-" + source));
        setDate(issue.findElement(By.name("dueOn")), LocalDate.now(clock).plusDays(10));
        Browser.click(browser, issue.findElement(By.cssSelector("button[type=submit]")));

        login("client-motor");
        open("/nonconformities/" + app);
        Path evidence = tmp.resolve("evidence-" + source + ".pdf");
        Files.write(evidence, cn.cfp.CaseFixture.PDF);
        List<WebElement> forms = browser.findElements(By.cssSelector("form[id^='answer-']"));
        assertThat(forms).isNotEmpty();
        for (String id : forms.stream().map(f -> f.getAttribute("id")).toList()) {
            WebElement form = browser.findElement(By.id(id));
            form.findElement(By.name("correction")).sendKeys("已补充相关记录");
            form.findElement(By.name("cause")).sendKeys("记录管理不到位");
            form.findElement(By.name("correctiveAction")).sendKeys("修订记录控制程序");
            form.findElement(By.name("files")).sendKeys(evidence.toString());
            Browser.click(browser, form.findElement(By.cssSelector("button[type=submit]")));
        }
        shot(scheme, "5-client-answered-" + source);

        login(member);
        open("/nonconformities/" + app);
        for (String id : browser.findElements(By.cssSelector("form[id^='verify-']")).stream().map(f -> f.getAttribute("id")).toList()) {
            WebElement form = browser.findElement(By.id(id));
            new Select(form.findElement(By.name("verdict"))).selectByValue("ACCEPT");
            if (!form.findElements(By.name("amendedClaim")).isEmpty()) {
                fillRecalculation(app, form);
            }
            Browser.click(browser, form.findElement(By.cssSelector("button[type=submit]")));
        }
        assertThat(browser.findElements(By.cssSelector("tr[id^='nc-'][data-status='CLOSED']"))).isNotEmpty();
    }
}
