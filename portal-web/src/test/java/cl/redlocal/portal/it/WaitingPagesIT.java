package cl.redlocal.portal.it;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
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
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static cl.redlocal.portal.it.WaitingFixture.COFACILITATOR;
import static cl.redlocal.portal.it.WaitingFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.WaitingFixture.COORDINATOR;
import static cl.redlocal.portal.it.WaitingFixture.WEIGHTS_COMUNA_CODE;
import static cl.redlocal.portal.it.WaitingFixture.WEIGHTS_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The waiting list and priority pages as people meet them: in Chromium, and as forms and files over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WaitingPagesIT {

    /** The criteria in the page's order (the enum's). */
    private static final String[] CRITERIA = {"AGE_BAND", "ALERTS", "REENTRIES", "COURT_ORDER", "MONTHS_WAITING",
            "MULTIPLE_VULNERABILITIES", "URGENCY"};

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        WaitingFixture.ensure();
    }

    @Test
    void inChromiumTheListShowsThePriorityOrderAndEachRowExplainsItsScore() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        // defaults: age 20, court order 30, urgency 20 -> 70; age 0.5 x 20 + normal 0.5 x 20 -> 20; 0
        WaitingFixture.Entry low = WaitingFixture.waiting(COMUNA_CODE, program, "Zoe", 15, 0, "LOW", false);
        WaitingFixture.Entry top = WaitingFixture.waiting(COMUNA_CODE, program, "Ada", 2, 0, "HIGH", true);
        WaitingFixture.Entry middle = WaitingFixture.waiting(COMUNA_CODE, program, "Max", 8, 0, "NORMAL", false);
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, COFACILITATOR);
            browser.findElement(By.id("navWaiting")).click();
            wait.until(ExpectedConditions.urlContains("waiting/lists.xhtml"));
            assertThat(browser.findElement(By.id("overviewForm:overview")).getText()).contains(program.acronym());
            // issue 16, defect 9: on a 1366-px screen no header is cut and no case code wraps
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
            browser.get(base + "waiting/lists.xhtml?program=" + program.id());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='chart'] canvas")));
            assertThat((List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                    + "'#listForm\\\\:entries thead th')).filter(h => h.scrollWidth > h.clientWidth + 1"
                    + " || Array.from(h.querySelectorAll('.ui-column-title')).some(t => t.getClientRects().length > 1))"
                    + ".map(h => h.textContent)")).as("headers cut").isEmpty();
            assertThat((List<?>) browser.executeScript("return Array.from(document.querySelectorAll("
                    + "'#listForm\\\\:entries .case-code')).filter(c => c.getClientRects().length > 1"
                    + " || c.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(c).fontSize))"
                    + ".map(c => c.textContent)")).as("case codes wrapped").isEmpty();

            List<WebElement> rows = browser.findElements(By.cssSelector("#listForm\\:entries_data > tr"));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getText()).contains("1").contains(top.code()).contains("A.E.L.").contains("70");
            assertThat(rows.get(1).getText()).contains(middle.code()).contains("M.E.L.").contains("20");
            assertThat(rows.get(2).getText()).contains(low.code()).contains("Z.E.L.");

            rows.get(0).findElement(By.cssSelector(".ui-row-toggler")).click();
            WebElement explanation = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#listForm\\:entries .waiting-explanation")));
            assertThat(explanation.getText()).contains("Tramo de edad").contains("Orden judicial")
                    .contains("Urgencia de la derivación").contains("Puntaje");
            List<String> total = explanation.findElements(By.cssSelector("tr.explanation-total td")).stream()
                    .map(WebElement::getText).toList();
            assertThat(total).containsExactly("70");
            List<WebElement> lines = explanation.findElements(By.cssSelector("tr.explanation-line, tr.explanation-zero"));
            assertThat(lines).hasSize(CRITERIA.length);
            assertThat(lines.get(0).getText()).contains("Tramo de edad").contains("1").contains("20");
            assertThat(lines.get(3).getText()).contains("Orden judicial").endsWith("30");
            browser.executeScript("arguments[0].scrollIntoView()", explanation);
            Browser.screenshot(browser, "waiting-list");

            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList())
                    .as("JavaScript errors in the console").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-waiting-list");
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    void aCofacilitatorFixesAPositionThroughTheDialogAndTheReasonIsShown() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.waiting(COMUNA_CODE, program, "Ada", 2, 0, "HIGH", true);
        WaitingFixture.Entry last = WaitingFixture.waiting(COMUNA_CODE, program, "Zoe", 15, 0, "LOW", false);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("waiting/lists.xhtml?program=" + program.id());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> dialog = web.submit(page, "listForm", Map.of(), "entries:1:fix");
        assertThat(dialog.body()).contains("overrideForm").contains(last.code());

        HttpResponse<String> refused = web.submit(dialog, "overrideForm", Map.of("position", "1", "reason", ""), "save");
        assertThat(refused.body()).contains("Indique el motivo de la posición fijada.");
        assertThat(TestDatabase.value("SELECT override_position FROM waiting_entry WHERE id = ?", last.id())).isNull();

        HttpResponse<String> saved = web.submit(refused, "overrideForm",
                Map.of("position", "1", "reason", "Acuerdo de la mesa del martes"), "save");
        assertThat(saved.body()).contains("quedó fijado en la posición 1").contains("Acuerdo de la mesa del martes");
        assertThat(TestDatabase.value("SELECT override_position FROM waiting_entry WHERE id = ?", last.id())).isEqualTo(1);
        String body = saved.body();
        String table = body.substring(body.indexOf("id=\"listForm:entries\""));
        String firstRow = table.substring(table.indexOf("data-ri=\"0\""), table.indexOf("data-ri=\"1\""));
        assertThat(firstRow).as("the fixed case is now first, its reason shown").contains(last.code())
                .contains("Posición fijada").contains("Acuerdo de la mesa del martes");
    }

    @Test
    void theCoordinatorSeesCodesWithoutInitialsAndExportsAreAudited() throws Exception {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.Entry entry = WaitingFixture.waiting(COMUNA_CODE, program, "Ada", 2, 0, "HIGH", true);
        WebClient web = new WebClient(base);
        web.signIn(COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("waiting/lists.xhtml?program=" + program.id());
        assertThat(page.body()).contains(entry.code()).doesNotContain("A.E.L.").doesNotContain(">Iniciales<")
                .contains("sin iniciales");
        long before = exports(COORDINATOR, program.id());

        HttpResponse<byte[]> csv = web.download(page, "listForm", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Posición").contains(entry.code()).contains("Tramo de edad 1 × 20 = 20")
                .doesNotContain("A.E.L.");

        HttpResponse<byte[]> xlsx = web.download(page, "listForm", Map.of(), "exportXlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
        }
        assertThat(cells).contains(entry.code(), "Puntaje");
        assertThat(exports(COORDINATOR, program.id())).isEqualTo(before + 2);
    }

    @Test
    void theCoordinatorSavesWeightsAndANegativeWeightGetsASpanishMessageNextToIt() {
        WebClient web = new WebClient(base);
        web.signIn(WEIGHTS_COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("waiting/priority.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tramo de edad").contains("Vale 1 de 0 a 5 años");
        Object alertsBefore = weight("ALERTS");

        Map<String, String> fields = weights("7");
        fields.put("weights:1:weight", "-5");
        HttpResponse<String> refused = web.submit(page, "priority", fields, "save");
        String body = refused.body();
        int field = body.indexOf("name=\"priority:weights:1:weight\"");
        int next = body.indexOf("name=\"priority:weights:2:weight\"");
        assertThat(field).isPositive();
        assertThat(body.substring(field, next)).as("the message sits next to the ALERTS field")
                .contains("El peso debe estar entre 0 y 1000.");
        assertThat(body.substring(0, field)).doesNotContain("El peso debe estar entre 0 y 1000.");
        assertThat(weight("ALERTS")).as("nothing saved").isEqualTo(alertsBefore);

        Map<String, String> valid = weights("7");
        valid.put("weights:0:weight", "12,5");
        HttpResponse<String> saved = web.submit(refused, "priority", valid, "save");
        assertThat(saved.body()).contains("Los pesos se guardaron");
        assertThat((BigDecimal) weight("AGE_BAND")).isEqualByComparingTo("12.5");
        assertThat((BigDecimal) weight("ALERTS")).isEqualByComparingTo("7");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = 'PRIORITY_WEIGHTS'"
                + " AND detail LIKE '%AGE_BAND%→12.5%'", WEIGHTS_COORDINATOR)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void othersReadTheWeightsWithoutAForm() {
        WebClient web = new WebClient(base);
        web.signIn("profesional.ppf", TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("waiting/priority.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Solo la coordinación comunal cambia los pesos.")
                .doesNotContain("id=\"priority:save\"");
    }

    @Test
    void theProgramsProfessionalAdmitsAndRemovesThroughTheDialogs() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 1, 0);
        WaitingFixture.Entry first = WaitingFixture.waiting(COMUNA_CODE, program, "Ada", 2, 3, "HIGH", false);
        WaitingFixture.Entry second = WaitingFixture.waiting(COMUNA_CODE, program, "Zoe", 15, 1, "LOW", false);
        WebClient web = new WebClient(base);
        web.signIn(program.professional(), TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("waiting/lists.xhtml");
        assertThat(page.body()).as("a professional lands on their own list").contains(first.code()).contains(second.code())
                .doesNotContain("overviewForm");

        HttpResponse<String> admitDialog = web.submit(page, "listForm", Map.of(), "entries:0:admit");
        assertThat(admitDialog.body()).contains("admitForm");
        HttpResponse<String> admitted = web.submit(admitDialog, "admitForm", Map.of(), "confirm");
        assertThat(admitted.body()).contains("El caso " + first.code() + " ingresó a " + program.acronym());
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(1);

        HttpResponse<String> exitDialog = web.submit(admitted, "listForm", Map.of(), "entries:0:exit");
        HttpResponse<String> noReason = web.submit(exitDialog, "exitForm", Map.of("reason_input", "", "note", ""), "save");
        assertThat(noReason.body()).contains("Elija el motivo del egreso de la lista.");
        assertThat(TestDatabase.value("SELECT exited_at FROM waiting_entry WHERE id = ?", second.id())).isNull();
        HttpResponse<String> removed = web.submit(noReason, "exitForm",
                Map.of("reason_input", "NOT_LOCATED", "note", "Tres visitas sin respuesta"), "save");
        assertThat(removed.body()).contains("salió de la lista de espera: No ubicable");
        assertThat(TestDatabase.value("SELECT exit_reason FROM waiting_entry WHERE id = ?", second.id())).isEqualTo("NOT_LOCATED");
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", second.referralId())).isEqualTo("CLOSED");
    }

    @Test
    void theCasePageTellsWhereTheCaseWaitsAndWhy() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.waiting(COMUNA_CODE, program, "Ada", 2, 3, "HIGH", true);
        WaitingFixture.Entry second = WaitingFixture.waiting(COMUNA_CODE, program, "Zoe", 15, 4, "LOW", false);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("cases/case.xhtml?id=" + second.caseId());
        assertThat(page.statusCode()).isEqualTo(200);
        String section = page.body().substring(page.body().indexOf("id=\"caseWaiting\""));
        assertThat(section).contains(program.acronym()).contains("Posición 2 de 2").contains("4 días de espera")
                .contains("Meses de espera").contains("Puntaje");
    }

    private static Map<String, String> weights(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < CRITERIA.length; i++) {
            fields.put("weights:" + i + ":weight", value);
        }
        return fields;
    }

    private static Object weight(String criterion) {
        return TestDatabase.value("SELECT weight FROM priority_weight w JOIN comuna c ON c.id = w.comuna_id"
                + " WHERE c.code = ? AND w.criterion = ?", WEIGHTS_COMUNA_CODE, criterion);
    }

    private static long exports(String username, long programId) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'WAITING_LIST' AND entity_id = ?", username, String.valueOf(programId));
    }
}
