package cl.redlocal.portal.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offer map and the gap catalogue as a person meets them: in headless Chromium without any tile
 * server (the tests have no internet), and their exports as files.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OfferPagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        OfferFixture.ensure();
    }

    @Test
    void inChromiumTheMapShowsAColouredMarkerPerPlaceAndTheListOnAPlainBackgroundWithoutScriptErrors() {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, OfferFixture.COORDINATOR);
            browser.findElement(By.id("navOfferMap")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("offerMap"), "data-marker-count", "6"));

            assertThat(browser.findElements(By.cssSelector("#offerMap path.offer-marker"))).hasSize(6);
            assertThat(markers(browser, "FULL_WITH_WAITING_LIST")).hasSize(2);
            assertThat(markers(browser, "AVAILABLE")).hasSize(1);
            assertThat(markers(browser, "FULL")).hasSize(1);
            assertThat(markers(browser, "INACTIVE")).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("#offerMap img.leaflet-tile"))).as("no tiles").isEmpty();
            assertThat(browser.findElements(By.cssSelector("#list\\:locations_data tr"))).hasSize(7);
            assertThat(browser.findElement(By.id("list:locations")).getText()).contains("BRA").contains("Sin coordenadas");
            assertThat(browser.findElements(By.cssSelector(".map-legend li"))).hasSize(4);

            markers(browser, "AVAILABLE").get(0).click();
            WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".map-popup")));
            assertThat(popup.getText()).contains("BRB").contains("Vacantes: 15").contains("Lista de espera: 1");
            assertThat(popup.findElement(By.tagName("a")).getDomProperty("href"))
                    .endsWith("/offer/program.xhtml?id=" + OfferFixture.programId("BRB"));
            Browser.screenshot(browser, "offer-map");

            browser.findElement(By.cssSelector("[id='filters:withVacancies'] .ui-chkbox-box")).click();
            browser.findElement(By.id("filters:apply")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("offerMap"), "data-marker-count", "1"));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list\\:locations_data tr"), 2));
            assertThat(markers(browser, "AVAILABLE")).hasSize(1);

            assertThat(severe(browser)).as("JavaScript errors in the console").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-offer-map");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void inChromiumTheGapCatalogueDrawsItsChartAndHighlightsWhereDemandExceedsSupply() {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, OfferFixture.COORDINATOR);
            browser.findElement(By.id("navOfferGaps")).click();
            wait.until(ExpectedConditions.urlContains("gaps.xhtml"));

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='gaps:chart'] canvas")));
            assertThat(browser.findElements(By.cssSelector("#gaps\\:programs_data tr"))).hasSize(5);
            List<String> exceeding = browser.findElements(By.cssSelector("#gaps\\:programs_data tr.gap-exceeds")).stream()
                    .map(WebElement::getText).toList();
            assertThat(exceeding).hasSize(2).allSatisfy(t -> assertThat(t).containsAnyOf("BRA", "BRC"));
            assertThat(browser.findElement(By.id("gaps:programs")).getText()).contains("1,30").contains("Sin cupos")
                    .contains("BRE · Suspendido");
            assertThat(browser.findElements(By.cssSelector("#gaps\\:sectors_data tr"))).as("3 sectors and the total").hasSize(4);
            assertThat(browser.findElement(By.id("totalSlots")).getText()).isEqualTo("43");
            assertThat(browser.findElement(By.id("overSupply")).getText()).isEqualTo("2");
            Browser.screenshot(browser, "offer-gaps");
            browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("gaps:sectors")));
            Browser.screenshot(browser, "offer-gaps-tables");

            assertThat(severe(browser)).as("JavaScript errors in the console").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-offer-gaps");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void inChromiumTheDemoComunasMapShowsEveryPlaceWithCoordinates() {
        long places = TestDatabase.count("SELECT count(*) FROM program_location l JOIN comuna c ON c.id = l.comuna_id"
                + " WHERE c.name = 'Comuna Demo' AND l.latitude IS NOT NULL");
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, "profesional.ppf");
            browser.get(base + "offer/map.xhtml");
            wait.until(ExpectedConditions.attributeToBe(By.id("offerMap"), "data-marker-count", String.valueOf(places)));
            assertThat(places).isGreaterThanOrEqualTo(25);
            assertThat(browser.findElements(By.cssSelector("#offerMap path.offer-marker"))).hasSize((int) places);
            assertThat(markers(browser, "INACTIVE")).as("DEPORTES is suspended").isNotEmpty();
            Browser.screenshot(browser, "offer-map-demo");
            assertThat(severe(browser)).as("JavaScript errors in the console").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-offer-map-demo");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void theGapCatalogueExportsToXlsxCsvAndPdfAndEachExportIsAudited() throws Exception {
        WebClient web = new WebClient(base);
        web.signIn(OfferFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("offer/gaps.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        long xlsxBefore = OfferGapsIT.exports(OfferFixture.COORDINATOR, "XLSX");
        long csvBefore = OfferGapsIT.exports(OfferFixture.COORDINATOR, "CSV");
        long pdfBefore = OfferGapsIT.exports(OfferFixture.COORDINATOR, "PDF");

        HttpResponse<byte[]> xlsx = web.download(page, "gaps", Map.of(), "exportXlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("catastro-brechas-comuna-brechas-").contains(".xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getNumberOfSheets()).as("sectors and programs").isEqualTo(2);
            assertThat(texts(workbook.getSheetAt(0))).contains("Protección", "Total comuna");
            assertThat(texts(workbook.getSheetAt(1))).contains("Sigla", "BRA", "BRE", "Suspendido", "Sí", "No")
                    .doesNotContain("BRF");
        }

        HttpResponse<byte[]> csv = web.download(page, "gaps", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("csv"));
        String lines = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(lines.lines().filter(l -> !l.isBlank())).as("header and five programs").hasSize(6);
        assertThat(lines).contains("Sigla").contains("Programa Brechas A").contains("Brecha");
        assertThat(lines.lines().filter(l -> l.contains("\"BRA\"")).findFirst()).hasValueSatisfying(l ->
                assertThat(l).contains("\"1,30\"").endsWith("\"Sí\""));

        HttpResponse<byte[]> pdf = web.download(page, "gaps", Map.of(), "exportPdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path report = Path.of(System.getProperty("portal.test.tmp", "target"), "screenshots", "offer-gaps.pdf");
        Files.createDirectories(report.getParent());
        Files.write(report, pdf.body()); // for people reviewing a run, beside the screenshots
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p));
        }
        assertThat(text.toString()).contains("Catastro de brechas de la oferta comunal").contains(OfferFixture.COMUNA)
                .contains("BRA").contains("1,30").contains("Total comuna");

        assertThat(OfferGapsIT.exports(OfferFixture.COORDINATOR, "XLSX")).isEqualTo(xlsxBefore + 1);
        assertThat(OfferGapsIT.exports(OfferFixture.COORDINATOR, "CSV")).isEqualTo(csvBefore + 1);
        assertThat(OfferGapsIT.exports(OfferFixture.COORDINATOR, "PDF")).isEqualTo(pdfBefore + 1);
    }

    @Test
    void onlyATerritorialManagerChoosesTheComunaAndThePagesAllowNoForeignImages() {
        WebClient coordinator = new WebClient(base);
        coordinator.signIn(OfferFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> map = coordinator.get("offer/map.xhtml");
        assertThat(map.statusCode()).isEqualTo(200);
        // Facelets leaves out the empty data-tile-url: offer-map.js then draws no tile layer
        assertThat(map.body()).doesNotContain("id=\"filters:comuna\"").doesNotContain("data-tile-url")
                .doesNotContain("openstreetmap");
        assertThat(map.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("img-src 'self' data: ;"));

        WebClient gestor = new WebClient(base);
        gestor.signIn("gestor", TestSession.DEMO_PASSWORD);
        assertThat(gestor.get("offer/map.xhtml").body()).contains("id=\"filters:comuna\"")
                .contains("Comuna Demo").contains("Comuna Vecina");
        assertThat(gestor.get("offer/gaps.xhtml").body()).contains("id=\"gaps:comuna\"");
    }

    private static List<WebElement> markers(ChromeDriver browser, String availability) {
        return browser.findElements(By.cssSelector("#offerMap path.offer-marker-" + availability));
    }

    private static List<LogEntry> severe(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                texts.add(cell.toString());
            }
        }
        return texts;
    }
}
