package cl.redlocal.portal.it;

import cl.redlocal.portal.indicator.control.Quarter;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 in headless Chromium: the coordinator opens the indicators dashboard, drills down from a number
 * (counts only, no case), is told beside the field that the current quarter cannot be published yet, that a
 * correction needs a reason and that a target must fit the unit, publishes last quarter and downloads the
 * quarterly report; the territorial manager compares the two comunas they support.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IndicatorFlowIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        IndicatorFixture.ensure();
    }

    @Test
    void theCoordinatorDrillsDownPublishesLastQuarterAndGetsThePdfAndTheManagerComparesTwoComunas() throws Exception {
        Quarter current = Quarter.of(LocalDate.now(ZoneId.of("America/Santiago")));
        Quarter last = current.previous();
        ChromeDriver browser = Browser.start();
        try {
            // 1. the dashboard and the drill-down: the coordinator sees the counts behind a number, no case
            WebDriverWait wait = Browser.signIn(browser, base, IndicatorFixture.COORDINATOR);
            browser.findElement(By.id("navIndicators")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("indicators:values")));
            assertThat(browser.findElement(By.id("indicators:values")).getText())
                    .contains("Derivaciones respondidas dentro de plazo", "Ocupación de cupos");
            browser.findElement(By.cssSelector("[id='indicators:values'] .ui-row-toggler")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("indicators:values"),
                    "N° de derivaciones con vencimiento en el trimestre"));
            Browser.screenshot(browser, "indicators-dashboard");
            browser.findElement(By.id("indicators:values:0:drill")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countsOnly")));
            assertThat(browser.findElement(By.id("drillName")).getText()).contains("Derivaciones respondidas dentro de plazo");
            assertThat(browser.findElements(By.cssSelector("a.case-code"))).isEmpty();

            // 2. bad input, said beside the field in Spanish
            browser.get(base + "indicators/dashboard.xhtml");
            choose(browser, wait, "publish:quarter", current.toString());
            browser.findElement(By.id("publish:publishButton")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("publish"), "no ha terminado"));
            browser.findElement(By.id("correction:correctButton")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction"),
                    "Explique por qué se corrige el trimestre publicado."));
            browser.findElement(By.id("target:value_input")).sendKeys("150");
            browser.findElement(By.id("target:saveTarget")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("target"), "La meta debe estar entre 0 y 100"));

            // 3. last quarter published: frozen, listed among the versions
            browser.get(base + "indicators/dashboard.xhtml");
            choose(browser, wait, "publish:quarter", last.toString());
            browser.findElement(By.id("publish:publishButton")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("versions:publications"), last.toString()));
            assertThat(TestDatabase.count("SELECT count(*) FROM indicator_publication p JOIN comuna c ON c.id = p.comuna_id"
                    + " WHERE c.code = ? AND p.year = ? AND p.quarter = ?", IndicatorFixture.COMUNA, last.year(),
                    last.quarter())).isEqualTo(1);
            Browser.screenshot(browser, "indicators-published");
            Browser.signOut(browser, wait);

            // 4. the territorial manager compares the two comunas they support
            wait = Browser.signIn(browser, base, IndicatorFixture.MANAGER);
            browser.findElement(By.id("navIndicatorsCompare")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare:table")));
            choose(browser, wait, "compare:quarter", "2025-Q2");
            browser.findElement(By.id("compare:apply")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("compare:table"), "100 %"));
            String table = browser.findElement(By.id("compare:table")).getText();
            assertThat(table).contains("Comuna Indicadores", "Comuna Indicadores Vecina", "Región Indicadores Norte",
                    "Chile", "<5");
            Browser.screenshot(browser, "indicators-compare");
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-indicators-flow");
            throw e;
        } finally {
            browser.quit();
        }

        // 5. the quarterly report of the quarter just published, as the dashboard's button serves it
        WebClient web = new WebClient(base);
        web.signIn(IndicatorFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("indicators/dashboard.xhtml");
        HttpResponse<byte[]> pdf = web.download(page, "indicators", Map.of(), "exportPdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Informe trimestral de indicadores", "Comuna Indicadores", last.toString(),
                "Derivaciones respondidas dentro de plazo");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'INDICATORS'", IndicatorFixture.COORDINATOR)).isGreaterThanOrEqualTo(1);
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label. */
    /**
     * Picks a quarter in a PrimeFaces menu and waits until the menu shows it: a click that lands while the
     * panel is still sliding open is lost, so it is tried again (at most three times).
     */
    private static void choose(ChromeDriver browser, WebDriverWait wait, String menuId, String label) {
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        By shown = By.id(menuId + "_label");
        for (int attempt = 0; attempt < 3; attempt++) {
            if (browser.findElements(item).stream().noneMatch(e -> e.isDisplayed())) {
                browser.findElement(By.id(menuId)).click();
            }
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            try {
                new WebDriverWait(browser, java.time.Duration.ofSeconds(3))
                        .until(ExpectedConditions.textToBePresentInElementLocated(shown, label));
                return;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // the panel was still moving: open it again
            }
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(shown, label));
    }
}
