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
import java.util.Map;

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
}
