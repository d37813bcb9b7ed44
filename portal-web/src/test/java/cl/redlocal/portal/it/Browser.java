package cl.redlocal.portal.it;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Headless Chromium for the browser tests: the system's chromium and chromedriver where they exist
 * (Debian packages, as CI installs them), otherwise whatever Selenium Manager provides.
 */
public final class Browser {

    private Browser() {
    }

    /** Saves what the page shows to target/screenshots/NAME.png, for people reviewing a run. */
    public static void screenshot(ChromeDriver browser, String name) {
        try {
            Path dir = Path.of(System.getProperty("portal.test.tmp", "target"), "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"),
                    browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs in through the sign-in page (demo password) and waits for the home page; returns a 20 s wait. */
    public static org.openqa.selenium.support.ui.WebDriverWait signIn(ChromeDriver browser, java.net.URL base,
                                                                      String username) {
        // A condition polled while an ajax update replaces its element can get Chrome's "Node with given id does
        // not belong to the document" (a plain WebDriverException, not a stale-element one): poll again. A
        // condition that never holds still fails, with the last exception as the timeout's cause.
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        browser.get(base + "login.xhtml");
        browser.findElement(org.openqa.selenium.By.id("login:username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
        browser.findElement(org.openqa.selenium.By.id("login:submit")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("index.xhtml"));
        return wait;
    }

    /** Signs out with the header's button and waits for the sign-in page. */
    public static void signOut(ChromeDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait) {
        browser.findElement(org.openqa.selenium.By.id("logoutForm:logout")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("login.xhtml"));
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=es-CL");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "es-CL,es"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path chromium = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (Files.isExecutable(chromium) && Files.isExecutable(driver)) {
            options.setBinary(chromium.toFile());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driver.toString())).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        }
        return new ChromeDriver(options);
    }
}
