package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 AA (issue 16): each demo role signs in and visits every page of its menu in Chromium; axe-core
 * (the engine browsers' accessibility tools use) checks each page against WCAG 2.0/2.1 A and AA, and any
 * serious or critical violation fails the test, listed by page, rule and element.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    private static final String AXE = axe();

    @ArquillianResource
    URL base;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coordinador", "cofacilitador.opd", "profesional.ppf", "gestor", "admin"})
    void everyPageOfTheMenuHasNoSeriousOrCriticalViolation(String username) {
        ChromeDriver browser = Browser.start();
        List<String> violations = new ArrayList<>();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, username);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navHome")));
            Set<String> pages = new LinkedHashSet<>();
            for (WebElement link : browser.findElements(By.cssSelector("a.nav-link"))) {
                String href = link.getDomProperty("href");
                if (href != null && href.startsWith(base.toString())) {
                    pages.add(href);
                }
            }
            assertThat(pages).as("the menu of " + username).isNotEmpty();
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            for (String page : pages) {
                browser.get(page);
                wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
                violations.addAll(check(browser, page.substring(base.toString().length())));
            }
        } finally {
            browser.quit();
        }
        assertThat(violations).as("serious or critical WCAG 2.1 AA violations for " + username).isEmpty();
    }

    /** Runs axe on the page; one line per serious or critical violation and element. */
    @SuppressWarnings("unchecked")
    static List<String> check(ChromeDriver browser, String page) {
        browser.executeScript(AXE);
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".flatMap(v => v.nodes.map(n => v.id + ' ' + n.target.join(' ') + ' :: ' + (n.failureSummary || '')"
                + ".replace(/\\s+/g, ' ').substring(0, 160)))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        List<String> lines = new ArrayList<>();
        for (Object line : (List<Object>) result) {
            lines.add(page + " · " + line);
        }
        return lines;
    }

    private static String axe() {
        try (InputStream in = AccessibilityIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
