package cl.redlocal.portal.it;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A professional in headless Chromium uploads a 24 Horas list: a wrong file is blocked, a right one imported. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Import24hWebIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        RegistryFixture.ensure();
    }

    @Test
    void aWrongRowBlocksTheImportAndAGoodFileIsImportedWhole() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        String run = RegistryFixture.newRun();
        String names = RegistryFixture.word();
        Path bad = Files.createTempFile("lista-mala", ".csv");
        Files.writeString(bad, Import24hIT.HEADER
                + Import24hIT.row(run, names, "Ibarra", "", RegistryFixture.bornYearsAgo(10), "F", today)
                + Import24hIT.row(RegistryFixture.wrongCheckDigit(RegistryFixture.newRun()), names, "Ibarra", "",
                RegistryFixture.bornYearsAgo(12), "M", today), StandardCharsets.UTF_8);
        Path good = Files.createTempFile("lista-buena", ".csv");
        // issue 16, defect 11: a sex "X" is taken as Otro and the preview says so
        Files.writeString(good, Import24hIT.HEADER
                + Import24hIT.row(run, names, "Ibarra", "", RegistryFixture.bornYearsAgo(10), "X", today),
                StandardCharsets.UTF_8);
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("login:username")).sendKeys(RegistryFixture.PRO_A);
            browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navImport24h"))).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1.page-title"), "Importar lista 24 Horas"));

            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(bad.toAbsolutePath().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
            assertThat(browser.findElement(By.id("summary")).getText()).contains("2 filas").contains("1 con errores");
            assertThat(browser.findElement(By.id("import:blocked")).getText()).contains("No se importará nada");
            assertThat(browser.findElement(By.id("import:rows")).getText()).contains("revise el dígito verificador")
                    .contains("NNA nuevo");
            assertThat(browser.findElements(By.id("import:start"))).isEmpty();
            Browser.screenshot(browser, "import24h-blocked");
            // the outcomes can be taken on paper; the export is audited (it names cases by code and initials)
            String exports = "SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'IMPORT_24H_PREVIEW'"
                    + " AND username = ?";
            long before = TestDatabase.count(exports, RegistryFixture.PRO_A);
            browser.findElement(By.id("import:exportCsv")).click();
            wait.until(d -> TestDatabase.count(exports, RegistryFixture.PRO_A) > before);

            browser.findElement(By.cssSelector("#import input[type=file]")).sendKeys(good.toAbsolutePath().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import:start")));
            assertThat(browser.findElement(By.id("import:start")).getText()).isEqualTo("Importar 1 fila");
            assertThat(browser.findElement(By.id("import:rows")).getText()).contains("sexo «X» registrado como Otro");
            browser.findElement(By.id("import:start")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import:result")));
            assertThat(browser.findElement(By.id("import:result")).getText()).startsWith("Importación 24H-")
                    .contains("1 solicitudes de ingreso, 1 NNA nuevos");
            Browser.screenshot(browser, "import24h-done");
            assertThat(TestDatabase.count("SELECT count(*) FROM access_request a JOIN case_file c ON c.id = a.case_id"
                    + " JOIN child ch ON ch.id = c.child_id WHERE ch.run = ? AND a.source = 'POLICE_24H'", run))
                    .isEqualTo(1);

            // the case page shows the request pending admissibility in the importing program, with its decision form
            long caseId = ((Number) TestDatabase.value("SELECT c.id FROM case_file c JOIN child ch ON ch.id = c.child_id"
                    + " WHERE ch.run = ?", run)).longValue();
            browser.get(base + "cases/case.xhtml?id=" + caseId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision:decide")));
            assertThat(browser.findElement(By.id("main")).getText()).contains("Registro, acceso y admisibilidad")
                    .contains("Lista 24 Horas (policía)").contains("Pendiente");
            Browser.screenshot(browser, "case-registry-pending");

            // and the intake page offers this child when searched again by its RUN
            browser.findElement(By.id("navNewChild")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake:searchRun"))).sendKeys(run);
            browser.findElement(By.id("intake:search")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake:candidates")));
            assertThat(browser.findElement(By.id("intake:candidates")).getText()).contains("mismo RUN").contains("Z.I.");
            browser.findElement(By.id("intake:newChild")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("intake:givenNames")));
            Browser.screenshot(browser, "intake-form");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "failed-import24h");
            throw e;
        } finally {
            browser.quit();
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }
}
