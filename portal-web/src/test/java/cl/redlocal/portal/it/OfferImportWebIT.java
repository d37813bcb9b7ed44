package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page from outside: who reaches it and its template, and a coordinator in headless Chromium
 * uploading a file, reading the preview, importing and seeing the result. The rules behind it are
 * proven in {@link OfferImportIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfferImportWebIT {

    @ArquillianResource
    URL base;

    @Test
    void theTemplateAndThePageAreTheCoordinatorsOnly() {
        WebClient coordinator = new WebClient(base);
        coordinator.signIn("coordinador", TestSession.DEMO_PASSWORD);
        HttpResponse<String> template = coordinator.get("offer/import-template.csv");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(template.body()).startsWith("\uFEFFsigla;nombre;sector;institucion;")
                .contains("\r\nOPD;Oficina de Protección de Derechos;Protección;");
        assertThat(coordinator.get("offer/import.xhtml").body()).contains("<h1 class=\"page-title\">Importar programas</h1>");

        WebClient professional = new WebClient(base);
        professional.signIn("profesional.ppf", TestSession.DEMO_PASSWORD);
        assertThat(professional.get("offer/import-template.csv").statusCode()).isEqualTo(403);
        assertThat(professional.get("offer/import.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void inHeadlessChromiumTheCoordinatorUploadsPreviewsAndImports() throws Exception {
        Path csv = Files.createTempFile("programas", ".csv");
        Files.writeString(csv, OfferImportIT.HEADER
                + OfferImportIT.row("IMP-W1", "Programa Web Uno", "Salud", "", "", "0", "17", "10", "3")
                + OfferImportIT.row("IMP-W2", "Edades al revés", "Salud", "", "", "18", "12", "10", "0")
                + OfferImportIT.row("IMP-W3", "Programa Web Tres", "Educación", "", "", "6", "14", "40", "10"), StandardCharsets.UTF_8);
        Path latin1 = Files.createTempFile("latin1", ".csv");
        Files.write(latin1, (OfferImportIT.HEADER + OfferImportIT.row("IMP-W0", "Protección", "Protección", "", "", "0",
                "17", "1", "0")).getBytes(StandardCharsets.ISO_8859_1));
        Path large = Files.createTempFile("grande", ".csv");
        Files.write(large, new byte[11 * 1024 * 1024]);
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("login:username")).sendKeys("coordinador");
            browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navOfferImport"))).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1.page-title"), "Importar programas"));

            // a file saved as Latin-1 (Excel's plain "CSV") is refused with a message on how to save it right
            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(latin1.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "no está codificado en UTF-8"));
            Browser.screenshot(browser, "offer-import-encoding");
            // and one over the size limit never reaches the preview
            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(large.toAbsolutePath().toString());
            wait.until(ExpectedConditions.textMatches(By.id("main"), java.util.regex.Pattern.compile(
                    "(?s).*(no puede superar|supera el máximo de 10 MB).*")));
            Browser.screenshot(browser, "offer-import-too-large");
            assertThat(browser.findElements(By.id("summary"))).isEmpty();

            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
            assertThat(browser.findElement(By.id("summary")).getText())
                    .startsWith("Archivo programas").endsWith(": 3 filas. Se importarán 2; se omitirán 1 con errores.");
            assertThat(browser.findElement(By.id("import:rows")).getText())
                    .contains("edad mínima 18 mayor que la máxima 12").contains("Se importará");
            Browser.screenshot(browser, "offer-import-preview");
            browser.findElement(By.cssSelector("[id='import:onlyProblems'] .ui-chkbox-box")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[id='import:rows'] tbody tr"), 1));
            assertThat(browser.findElement(By.cssSelector("[id='import:rows'] tbody tr")).getText()).startsWith("3");

            browser.findElement(By.id("import:start")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progressText"),
                    "Importación terminada"));
            assertThat(browser.findElement(By.id("progressText")).getText())
                    .isEqualTo("Importación terminada: se importaron 2 programas; se omitió 1 fila con errores.");
            Browser.screenshot(browser, "offer-import-done");
            // issue 16, defect 11: after the import the page says what happened, not what will
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "Se importaron 2 programas"));
            assertThat(browser.findElement(By.id("summary")).getText()).doesNotContain("Se importarán");
            assertThat(browser.findElement(By.id("import:rows")).getText()).as("the rows with errors, as filtered")
                    .contains("Omitido:").doesNotContain("Se importará").doesNotContain("Se omitirá");
            assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym IN ('IMP-W1', 'IMP-W3')"))
                    .isEqualTo(2);
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "failed-offer-import");
            throw e;
        } finally {
            browser.quit();
            Files.deleteIfExists(csv);
            Files.deleteIfExists(latin1);
            Files.deleteIfExists(large);
            TestDatabase.update("DELETE FROM program WHERE acronym LIKE 'IMP-W%'");
        }
    }
}
