package cl.redlocal.portal.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The minutes, agreements and case pages as served (issue 6, part C): messages beside fields, the PDF, the lists. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MinutesPagesIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @ArquillianResource
    URL base;

    private final LocalDate today = LocalDate.now(MinutesFixture.ZONE);

    @BeforeEach
    void fixture() {
        MinutesFixture.ensure();
    }

    private static Map<String, String> agreement(String what, String person, LocalDate due) {
        Map<String, String> fields = new HashMap<>();
        fields.put("where", "");
        fields.put("description", what);
        fields.put("responsibleInstitution", "OPD Actas");
        fields.put("responsibleName", person);
        fields.put("responsibleEmail", "");
        fields.put("dueOn_input", due.format(DAY));
        return fields;
    }

    @Test
    void aCofacilitatorRecordsAttendanceAndAgreementsOnThePageAndDownloadsThePdf() throws Exception {
        String tag = "w" + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today.plusDays(1));
        WebClient web = new WebClient(base);
        web.signIn(MinutesFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/minutes.xhtml?session=" + s);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mesa " + tag, "Olga Pérez", "A-0001", "M.A.S.", "Bienvenida");

        HttpResponse<String> saved = web.submit(page, "minutesForm", Map.of("attendance:0:value", "PRESENT"), "save");
        assertThat(saved.body()).contains("Acta guardada.");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_participant WHERE session_id = ? AND attendance = 'PRESENT'",
                s)).isEqualTo(1);

        page = web.get("mgc/minutes.xhtml?session=" + s);
        HttpResponse<String> noPerson = web.submit(page, "agreementForm", agreement("Sin nadie " + tag, "", today.plusDays(9)),
                "addAgreement");
        assertThat(noPerson.body()).contains("Un acuerdo necesita una persona responsable: indique su nombre.");
        HttpResponse<String> early = web.submit(noPerson, "agreementForm", agreement("Temprano " + tag, "Olga Pérez",
                today), "addAgreement");
        assertThat(early.body()).contains("no puede ser anterior al día de la sesión");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement WHERE session_id = ?", s)).isZero();
        HttpResponse<String> added = web.submit(early, "agreementForm", agreement("Enviar protocolo " + tag,
                "Olga Pérez", today.plusDays(9)), "addAgreement");
        assertThat(added.body()).contains("Acuerdo agregado al acta.", "Enviar protocolo " + tag);

        // corrected while the minutes are a draft: the same agreement, a later due day and another person
        long agreed = ((Number) TestDatabase.value("SELECT id FROM mgc_agreement WHERE session_id = ?", s)).longValue();
        HttpResponse<String> editing = web.submit(added, "agreements:0:edit", Map.of(), "editAgreement");
        assertThat(editing.body()).contains("Corregir acuerdo", "Enviar protocolo " + tag);
        HttpResponse<String> corrected = web.submit(editing, "agreementForm", agreement("Enviar protocolo " + tag,
                "Pedro Soto", today.plusDays(20)), "addAgreement");
        assertThat(corrected.body()).contains("Acuerdo corregido.", "Pedro Soto");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement WHERE session_id = ?", s)).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT responsible_name FROM mgc_agreement WHERE id = ?", agreed)).isEqualTo("Pedro Soto");
        added = corrected;

        HttpResponse<byte[]> pdf = web.download(added, "toolbar", Map.of(), "pdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Olga Pérez", "Página 1 de", "Enviar protocolo " + tag);

        HttpResponse<String> list = web.get("mgc/agreements.xhtml?session=" + s);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Enviar protocolo " + tag);
        HttpResponse<String> index = web.get("mgc/minutes.xhtml");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("Mesa " + tag);
    }

    @Test
    void theCasePageShowsTheAgreementsThatConcernIt() throws Exception {
        String tag = "c" + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today);
        TestDatabase.update("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description,"
                + " responsible_institution, responsible_name, due_on, created_by) SELECT table_id, comuna_id, id, ?,"
                + " 'PPF Actas', 'Pablo Díaz', ?, 'fixture' FROM mgc_session WHERE id = ?", "Del caso " + tag,
                today.plusDays(5), s);
        TestDatabase.update("INSERT INTO mgc_agreement_case (agreement_id, case_id) SELECT id, ? FROM mgc_agreement"
                + " WHERE description = ?", MinutesFixture.caseId("A-0001"), "Del caso " + tag);
        WebClient web = new WebClient(base);
        web.signIn(MinutesFixture.PROFESSIONAL_A, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("cases/case.xhtml?id=" + MinutesFixture.caseId("A-0001"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("caseAgreements", "Del caso " + tag);
    }

    @Test
    void aProfessionalRecordsTheFollowUpOfTheirAgreementOnTheListButNotOfAnothers() throws Exception {
        String tag = "f" + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today.minusDays(10));
        TestDatabase.update("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description,"
                + " responsible_institution, responsible_name, responsible_user_id, due_on, created_by) SELECT table_id,"
                + " comuna_id, id, ?, 'MA', 'Profesional MA', ?, ?, 'fixture' FROM mgc_session WHERE id = ?", "Mío " + tag,
                MinutesFixture.userId(MinutesFixture.PROFESSIONAL_A), today.plusDays(1), s);
        TestDatabase.update("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description,"
                + " responsible_institution, responsible_name, responsible_program_id, due_on, created_by) SELECT table_id,"
                + " comuna_id, id, ?, 'MB', 'Profesional MB', ?, ?, 'fixture' FROM mgc_session WHERE id = ?", "Ajeno " + tag,
                MinutesFixture.programId("MB"), today.plusDays(2), s);
        WebClient web = new WebClient(base);
        web.signIn(MinutesFixture.PROFESSIONAL_A, TestSession.DEMO_PASSWORD);
        HttpResponse<String> list = web.get("mgc/agreements.xhtml?session=" + s);
        assertThat(list.body()).contains("Mío " + tag, "Ajeno " + tag);

        HttpResponse<String> theirs = web.submit(list, "agreements", Map.of(), "table:1:followUp");
        assertThat(theirs.body()).contains("Ajeno " + tag).doesNotContain("agreements:saveStatus");
        HttpResponse<String> mine = web.submit(theirs, "agreements", Map.of(), "table:0:followUp");
        assertThat(mine.body()).contains("agreements:saveStatus");
        HttpResponse<String> noNote = web.submit(mine, "agreements", Map.of("newStatus", "DONE", "note", ""), "saveStatus");
        assertThat(noNote.body()).contains("Escriba una nota de seguimiento.");
        HttpResponse<String> done = web.submit(noNote, "agreements", Map.of("newStatus", "DONE", "note",
                "Visita hecha."), "saveStatus");
        assertThat(done.body()).contains("Seguimiento registrado.");
        assertThat(TestDatabase.value("SELECT status FROM mgc_agreement WHERE description = ?", "Mío " + tag))
                .isEqualTo("DONE");
        assertThat(TestDatabase.value("SELECT status FROM mgc_agreement WHERE description = ?", "Ajeno " + tag))
                .isEqualTo("PENDING");
    }

    @Test
    void aSessionIsClosedTheNextApprovesItsMinutesAndACorrectionMakesVersionTwo() throws Exception {
        String tag = "a" + System.nanoTime();
        long table = MinutesFixture.table(tag);
        long first = MinutesFixture.session(table, today.minusDays(28));
        long second = MinutesFixture.session(table, today);
        WebClient web = new WebClient(base);
        web.signIn(MinutesFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);

        HttpResponse<String> page = web.get("mgc/minutes.xhtml?session=" + first);
        HttpResponse<String> closed = web.submit(page, "toolbar", Map.of(), "close");
        assertThat(closed.body()).contains("Sesión cerrada");
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", first)).isEqualTo("HELD");

        HttpResponse<String> next = web.get("mgc/minutes.xhtml?session=" + second);
        assertThat(next.body()).contains("Aprobación del acta anterior");
        HttpResponse<String> approved = web.submit(next, "approveForm", Map.of("corrections", "Se corrige un nombre."),
                "approve");
        assertThat(approved.body()).contains("Acta anterior aprobada y bloqueada.");
        assertThat(TestDatabase.value("SELECT state FROM mgc_minutes WHERE session_id = ?", first)).isEqualTo("APPROVED");
        assertThat(TestDatabase.value("SELECT approval_corrections FROM mgc_minutes WHERE session_id = ?", first))
                .isEqualTo("Se corrige un nombre.");

        HttpResponse<String> locked = web.get("mgc/minutes.xhtml?session=" + first);
        assertThat(locked.body()).contains("Aprobada").doesNotContain("minutesForm:save\"");
        HttpResponse<String> correcting = web.submit(locked, "toolbar", Map.of(), "correct");
        HttpResponse<String> noReason = web.submit(correcting, "minutesForm", Map.of("decisions", "Decisión corregida",
                "correctionReason", ""), "saveCorrection");
        assertThat(noReason.body()).contains("Indique el motivo de la corrección.");
        HttpResponse<String> corrected = web.submit(noReason, "minutesForm", Map.of("decisions", "Decisión corregida",
                "correctionReason", "Faltaba la decisión."), "saveCorrection");
        assertThat(corrected.body()).contains("Corrección guardada como versión 2.");
        HttpResponse<String> v1 = web.get("mgc/minutes.xhtml?session=" + first + "&version=1");
        assertThat(v1.body()).contains("Versión 1 del acta").doesNotContain("Decisión corregida");
        HttpResponse<String> v2 = web.get("mgc/minutes.xhtml?session=" + first + "&version=2");
        assertThat(v2.body()).contains("Versión 2 del acta", "Decisión corregida");
    }

    /** Issue 16, defects 1 and 7: a ticked case and a ticked referral are saved (it was a 500), states in Spanish. */
    @Test
    void anAgreementWithATickedCaseAndReferralIsAddedAndReferralStatesAreInSpanish() throws Exception {
        String tag = "k" + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today.plusDays(1));
        long referral;
        try (java.sql.Connection c = TestDatabase.connect()) {
            referral = FixtureSql.insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id,"
                    + " state, reason, sent_at, due_on) VALUES (?, ?, 'Escuela Actas', ?, 'SENT', 'Prueba', now(),"
                    + " CURRENT_DATE + 10) RETURNING id", MinutesFixture.comunaId(), MinutesFixture.caseId("A-0001"),
                    MinutesFixture.programId("MB"));
        }
        WebClient web = new WebClient(base);
        web.signIn(MinutesFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/minutes.xhtml?session=" + s);
        assertThat(page.body()).contains("(Enviada)").doesNotContain("(SENT)");

        Map<String, String> fields = agreement("Con caso y derivación " + tag, "Olga Pérez", today.plusDays(9));
        fields.put("caseIds", String.valueOf(MinutesFixture.caseId("A-0001")));
        fields.put("referralIds", String.valueOf(referral));
        HttpResponse<String> added = web.submit(page, "agreementForm", fields, "addAgreement");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("Acuerdo agregado al acta.", "Con caso y derivación " + tag);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement_case ac JOIN mgc_agreement a ON a.id ="
                + " ac.agreement_id WHERE a.session_id = ? AND ac.case_id = ?", s, MinutesFixture.caseId("A-0001")))
                .isGreaterThanOrEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agreement_case ac JOIN mgc_agreement a ON a.id ="
                + " ac.agreement_id WHERE a.session_id = ? AND ac.referral_id = ?", s, referral)).isEqualTo(1);
    }

    /** Issue 16, defects 13, 14 and 10: closing the meeting is not "Cerrar sesión"; a draft is mailed only as one. */
    @Test
    void closingTheMeetingIsNotSigningOutAndDraftMinutesAreMailedOnlyAsADraft() throws Exception {
        String tag = "d" + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today);
        WebClient web = new WebClient(base);
        web.signIn(MinutesFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/minutes.xhtml?session=" + s);
        java.util.regex.Matcher close = java.util.regex.Pattern.compile("id=\"toolbar:close\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(close.find()).isTrue();
        assertThat(close.group(1)).isNotEqualTo("Cerrar sesión").contains("sesión de la mesa");
        assertThat(page.body()).contains("Esta acta es un BORRADOR", "Acta en borrador");

        HttpResponse<String> mailed = web.submit(page, "toolbar", Map.of(), "mail");
        assertThat(mailed.body()).contains("Acta enviada a 4 integrantes");
        String subject = (String) TestDatabase.value("SELECT subject FROM mail_outbox WHERE recipient = ?",
                "opd." + tag + "@actas.cl");
        assertThat(subject).startsWith("BORRADOR").contains(today.format(DAY)).doesNotContain(today.toString());
        assertThat((String) TestDatabase.value("SELECT body_text FROM mail_outbox WHERE recipient = ?",
                "opd." + tag + "@actas.cl")).contains("aún no ha sido aprobada");
    }

    /**
     * Issue 16, defect 2: in English an apostrophe ("session's") ended a JavaScript string; the mail went without
     * confirmation and the language switch did nothing. Now no script error, the confirmation asks, and a
     * refusal sends nothing.
     */
    @Test
    void inEnglishTheMinutesPageAsksBeforeMailingAndTheLanguageSwitchWorks() throws Exception {
        String tag = "e" + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), today.plusDays(1));
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, MinutesFixture.COFACILITATOR);
            browser.findElement(By.id("languageForm:switch")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
            browser.get(base + "mgc/minutes.xhtml?session=" + s);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("toolbar:mail")));
            browser.findElement(By.id("toolbar:mail")).click();
            wait.until(ExpectedConditions.alertIsPresent());
            assertThat(browser.switchTo().alert().getText()).contains("session's date");
            browser.switchTo().alert().dismiss();
            Thread.sleep(1000);
            assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient LIKE ?", "%." + tag + "@actas.cl"))
                    .as("nothing mailed after the refusal").isZero();
            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(errors).as("JavaScript errors in the console").isEmpty();
            browser.findElement(By.id("languageForm:switch")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "es"));
            assertThat(browser.getCurrentUrl()).contains("minutes.xhtml");
            Browser.screenshot(browser, "minutes-en-confirm");
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-minutes-en");
            throw e;
        } finally {
            browser.quit();
        }
    }
}
