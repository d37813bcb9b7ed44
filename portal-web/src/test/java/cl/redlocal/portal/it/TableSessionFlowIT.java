package cl.redlocal.portal.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 end to end in headless Chromium: a co-facilitator prepares today's session of the table from the
 * suggested agenda (a complex case is suggested with its reason and picked), records the attendance of the
 * members and two agreements in the minutes, closes the session, and the minutes' PDF is produced with
 * the attendance, the agreements and page numbers.
 *
 * <pre>
 * Comuna Mesa Flujo (99991): program MF with a case that has an open HIGH alert (suggested: complex).
 * Table "Mesa Flujo": OPD (Olga Paredes) and PPF (Pedro Fuentes) permanent; a session today, one hour ago.
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TableSessionFlowIT {

    static final String COMUNA_CODE = "99991";
    static final String COFACILITATOR = "cofacilitador.mesaflujo";

    @ArquillianResource
    URL base;

    @Test
    void aCofacilitatorPreparesTheSessionFromTheSuggestedAgendaRecordsTheMinutesClosesItAndGetsThePdf() throws Exception {
        FixtureSql.once(COMUNA_CODE, TableSessionFlowIT::create);
        long session = ((Number) TestDatabase.value("SELECT s.id FROM mgc_session s JOIN comuna c ON c.id = s.comuna_id"
                + " WHERE c.code = ? AND s.state = 'PLANNED' ORDER BY s.starts_at LIMIT 1", COMUNA_CODE)).longValue();
        String due = LocalDate.now(ZoneId.of("America/Santiago")).plusDays(20).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));

        ChromeDriver browser = Browser.start();
        try {
            // 1. the agenda: prepared with the standard blocks, the complex case suggested with its reason and picked
            WebDriverWait wait = Browser.signIn(browser, base, COFACILITATOR);
            browser.get(base + "mgc/session.xhtml?id=" + session);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("agendaLink"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("prepareForm:prepare"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("items")));
            assertThat(browser.findElement(By.id("items")).getText())
                    .contains("Bienvenida", "Revisión de acuerdos", "Análisis de casos");
            WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[@id='suggestionsForm:suggestions']//tr[contains(., 'MF-0001')]")));
            assertThat(suggestion.getText()).contains("M.F.C.").doesNotContain("Marta");
            assertThat(suggestion.findElement(By.cssSelector("li.reason-HIGH_ALERT")).getText())
                    .isEqualTo("Caso complejo: una alerta alta abierta");
            suggestion.findElement(By.xpath(".//button[contains(@id, ':pick')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("casesForm:cases"), "MF-0001"));
            Browser.screenshot(browser, "flow6-agenda");

            // 2. the minutes: attendance of both members, notes, and two agreements made in the session
            browser.get(base + "mgc/session.xhtml?id=" + session);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("minutesLink"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("minutesForm:attendance")));
            List<WebElement> rows = browser.findElements(By.cssSelector("[id='minutesForm:attendance'] > tbody > tr"));
            assertThat(rows).hasSize(2);
            for (WebElement row : rows) {
                String value = row.getText().contains("Olga Paredes") ? "PRESENT" : "EXCUSED";
                row.findElement(By.cssSelector("input[type=radio][value=" + value + "]")).click();
            }
            browser.findElement(By.id("minutesForm:decisions")).sendKeys("Se prioriza el caso MF-0001 en la red.");
            browser.findElement(By.id("minutesForm:save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agreementForm:description")));
            // issue 16, defect 8: the agreement form is styled like the others: labels above fields, themed controls
            WebElement description = browser.findElement(By.id("agreementForm:description"));
            WebElement label = browser.findElement(By.cssSelector("label[for='agreementForm:description']"));
            assertThat(label.getRect().getY() + label.getRect().getHeight()).isLessThanOrEqualTo(description.getRect().getY());
            assertThat(description.getCssValue("border-top-left-radius")).isNotEqualTo("0px");
            assertThat(browser.findElement(By.id("agreementForm:where")).getCssValue("border-top-left-radius"))
                    .isNotEqualTo("0px");
            addAgreement(browser, wait, "Coordinar evaluación de salud mental del caso", "CESFAM Mesa Flujo", "Ana Salud", due);
            addAgreement(browser, wait, "Informar avance escolar a la mesa", "Liceo Mesa Flujo", "Luis Liceo", due);
            assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement WHERE session_id = ?", session)).isEqualTo(2);
            assertThat(TestDatabase.count("SELECT count(*) FROM mgc_participant WHERE session_id = ? AND attendance = 'PRESENT'",
                    session)).isEqualTo(1);

            // 3. the session is closed: HELD, its minutes a draft until the next session approves them
            browser.findElement(By.id("toolbar:close")).click();
            assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).startsWith("¿Dar por realizada esta sesión de la mesa?");
            browser.switchTo().alert().accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessionState"), "Realizada"));
            assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", session)).isEqualTo("HELD");
            assertThat(TestDatabase.value("SELECT state FROM mgc_minutes WHERE session_id = ?", session)).isEqualTo("DRAFT");
            Browser.screenshot(browser, "flow6-minutes");
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-flow6");
            throw e;
        } finally {
            browser.quit();
        }

        // 4. the PDF of the minutes, as the page's button serves it
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/minutes.xhtml?session=" + session);
        HttpResponse<byte[]> pdf = web.download(page, "toolbar", Map.of(), "pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        assertThat(text.toString()).contains("Comuna Mesa Flujo", "Mesa Flujo", "Olga Paredes", "Pedro Fuentes",
                "Coordinar evaluación de salud mental", "Informar avance escolar a la mesa", "MF-0001 (M.F.C.)", "Presente",
                "Página 1 de " + reader.getNumberOfPages()).containsPattern("Horario: \\d\\d:\\d\\d–\\d\\d:\\d\\d ·")
                .doesNotContain("Marta");
    }

    private static void addAgreement(ChromeDriver browser, WebDriverWait wait, String what, String institution,
                                     String person, String due) {
        browser.findElement(By.id("agreementForm:description")).sendKeys(what);
        browser.findElement(By.id("agreementForm:responsibleInstitution")).sendKeys(institution);
        browser.findElement(By.id("agreementForm:responsibleName")).sendKeys(person);
        WebElement dueOn = browser.findElement(By.id("agreementForm:dueOn_input"));
        dueOn.clear();
        dueOn.sendKeys(due, org.openqa.selenium.Keys.TAB);
        browser.findElement(By.id("agreementForm:addAgreement")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agreements"), what));
    }

    private static void create(java.sql.Connection c) throws java.sql.SQLException {
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa Flujo', 'Región Demo')"
                + " RETURNING id", COMUNA_CODE);
        user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
        long program = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at,"
                + " confirmed_by) VALUES (?, 'MF', 'Programa Mesa Flujo', 'PROTECTION', 'ACTIVE', 10, 1, now(), 'fixture')"
                + " RETURNING id", comuna);
        long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, maternal_surname,"
                + " birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Marta', 'Flores', 'Campos', current_date - 4000, 'F')"
                + " RETURNING id", comuna);
        long kase = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, 'MF-0001', ?,"
                + " current_date - 120) RETURNING id", comuna, child);
        insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?,"
                + " current_date - 100) RETURNING id", comuna, kase, program);
        insert(c, "INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, source, raised_by, description)"
                + " VALUES (?, ?, 'SUICIDE_RISK', 'HIGH', 'ACCESS', 'fixture', 'Señal de riesgo') RETURNING id", comuna, kase);
        long table = insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, 'Mesa Flujo', 'fixture')"
                + " RETURNING id", comuna);
        insert(c, "INSERT INTO mgc_member (table_id, kind, institution, person_name, email, joined_on, created_by) VALUES"
                + " (?, 'PERMANENT', 'OPD Mesa Flujo', 'Olga Paredes', 'olga@mesaflujo.cl', current_date - 365, 'fixture'),"
                + " (?, 'PERMANENT', 'PPF Mesa Flujo', 'Pedro Fuentes', 'pedro@mesaflujo.cl', current_date - 365, 'fixture')"
                + " RETURNING id", table, table);
        insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place, ical_uid, created_by) VALUES"
                + " (?, ?, now() - INTERVAL '1 hour', now() + INTERVAL '2 hours', 'Sala del concejo', 'flow6@redlocal',"
                + " 'fixture') RETURNING id", table, comuna);
    }
}
