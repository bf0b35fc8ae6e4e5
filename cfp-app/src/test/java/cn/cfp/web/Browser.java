package cn.cfp.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through chromedriver. `.ci/run` installs both when missing;
 * without them the browser tests fail (they are never skipped).
 */
final class Browser {

    private Browser() {
    }

    static ChromeDriver start() {
        String chromium = firstExisting(System.getenv("CFP_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        String driver = firstExisting(System.getenv("CFP_CHROMEDRIVER"), "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /**
     * Saves what the browser shows as {@code target/walkthrough/<name>.png} (for a person to look at after the run) and
     * refuses a page that is not a page of the product: Spring's Whitelabel page or a bare server error.
     */
    static Path screenshot(ChromeDriver browser, String name) {
        String source = browser.getPageSource();
        if (source.contains("Whitelabel Error Page") || source.contains("There was an unexpected error")) {
            throw new AssertionError("a Whitelabel page at " + browser.getCurrentUrl());
        }
        try {
            Path dir = Path.of("target", "walkthrough");
            Files.createDirectories(dir);
            Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs in as a demo user (the demo password) on a fresh session and checks the shell shows who is signed in. */
    static void login(ChromeDriver browser, int port, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("cfp-demo-2026");
        browser.findElement(org.openqa.selenium.By.id("login-submit")).click();
        if (browser.findElement(org.openqa.selenium.By.id("current-user")).getText().isBlank()) {
            throw new AssertionError("not signed in as " + user);
        }
    }

    /** Clicks a form's button, waits for the next page, and returns the page's refusal reasons (empty when none). */
    static java.util.List<String> submit(ChromeDriver browser, org.openqa.selenium.WebElement button) {
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> isGone(button));
        // look for a refusal without waiting: an absent element must not cost the implicit wait
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(org.openqa.selenium.By.id("refusal-reasons")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList();
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    /** {@link #submit}, failing with the page's words when the action was refused. */
    static void click(ChromeDriver browser, org.openqa.selenium.WebElement button) {
        java.util.List<String> reasons = submit(browser, button);
        if (!reasons.isEmpty()) {
            throw new AssertionError("refused: " + reasons.get(0));
        }
    }

    /** True once the element's page has been replaced (Chrome reports this as stale or as a node outside the document). */
    static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    private static String firstExisting(String... candidates) {
        for (String c : candidates) {
            if (c != null && Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        throw new IllegalStateException("Chromium/chromedriver not found (tried " + String.join(", ", java.util.Arrays.stream(candidates)
                .filter(java.util.Objects::nonNull).toList()) + "); install Debian packages chromium and chromium-driver");
    }
}
