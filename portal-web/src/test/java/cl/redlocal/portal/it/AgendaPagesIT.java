package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static cl.redlocal.portal.it.AgendaFixture.COMUNA;
import static org.assertj.core.api.Assertions.assertThat;

/** The agenda, pauta and record pages as served to a browser. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgendaPagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        AgendaFixture.ensure();
    }

    @Test
    void aCoFacilitatorPreparesTheAgendaAndSeesTheComputedBlocks() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        AgendaFixture.stay(k, p, 3);
        AgendaFixture.referral(k, p, "SENT", 4, null, 10);
        long table = AgendaFixture.table(COMUNA);
        long held = AgendaFixture.session(table, -25, "HELD");
        long session = AgendaFixture.session(table, 6, "PLANNED");
        long agreement = AgendaFixture.agreement(table, held, "PENDING", -1);
        String description = (String) TestDatabase.value("SELECT description FROM mgc_agreement WHERE id = ?", agreement);

        WebClient web = new WebClient(base);
        web.signIn(AgendaFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/agenda.xhtml?session=" + session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Preparar agenda", "La agenda aún no se ha preparado", description, "Vencido",
                p.acronym(), "Desde la sesión anterior realizada");

        HttpResponse<String> prepared = web.submit(page, "prepareForm", Map.of(), "prepare");
        assertThat(prepared.statusCode()).isEqualTo(200);
        assertThat(prepared.body()).contains("Bienvenida", "Lectura y aprobación del acta anterior", "Revisión de acuerdos",
                "Flujos de derivación, ingresos y listas de espera", "Análisis de casos", "Agenda preparada")
                .doesNotContain("La agenda aún no se ha preparado");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_agenda_item WHERE session_id = ?", session)).isEqualTo(6);

        // a blank title gets the Spanish message next to the field and changes nothing
        HttpResponse<String> dialog = web.submit(prepared, "itemsForm", Map.of(), "item:0:edit");
        assertThat(dialog.body()).contains("itemForm");
        HttpResponse<String> invalid = web.submit(dialog, "itemForm", Map.of("title", " ", "description", "x"), "save");
        assertThat(invalid.body()).contains("Indique el título del punto.");
        assertThat(TestDatabase.value("SELECT title FROM mgc_agenda_item WHERE session_id = ? AND block = 'WELCOME'",
                session)).isEqualTo("Bienvenida");
        HttpResponse<String> saved = web.submit(invalid, "itemForm", Map.of("title", "Bienvenida y ronda de presentación",
                "description", "Cada institución se presenta"), "save");
        assertThat(saved.body()).contains("Bienvenida y ronda de presentación", "Punto de la agenda guardado");

        HttpResponse<byte[]> csv = web.download(saved, "flowsForm", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String lines = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(lines).contains("\"" + p.acronym() + "\"", "Derivaciones recibidas");
    }

    @Test
    void aProfessionalNotInvolvedSeesTheCaseByCodeAndInitialsOnlyAndNoPauta() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        AgendaFixture.Program other = AgendaFixture.program(COMUNA);
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        AgendaFixture.stay(k, p, 30);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 9, "PLANNED");
        long item = AgendaFixture.caseItem(session, k, "PICKED", "PICKED");

        WebClient involved = new WebClient(base);
        involved.signIn(p.professional(), TestSession.DEMO_PASSWORD);
        assertThat(involved.get("mgc/agenda.xhtml?session=" + session).body()).contains(k.code(), "B.M.P.",
                "case-item.xhtml?id=" + item);
        String pauta = involved.get("mgc/case-item.xhtml?id=" + item).body();
        assertThat(pauta).contains("Programas que intervienen", p.acronym(), "Pregunta para la Mesa", "pautaForm");

        WebClient outsider = new WebClient(base);
        outsider.signIn(other.professional(), TestSession.DEMO_PASSWORD);
        String agendaPage = outsider.get("mgc/agenda.xhtml?session=" + session).body();
        assertThat(agendaPage).contains(k.code(), "B.M.P.").doesNotContain("case-item.xhtml?id=" + item);
        String denied = outsider.get("mgc/case-item.xhtml?id=" + item).body();
        assertThat(denied).contains("El caso no existe o no está disponible para usted").doesNotContain("Programas que intervienen");

        WebClient manager = new WebClient(base);
        manager.signIn(AgendaFixture.MANAGER, TestSession.DEMO_PASSWORD);
        assertThat(manager.get("mgc/agenda.xhtml?session=" + session).body()).contains(k.code(),
                "Los casos se muestran solo por su código").doesNotContain("B.M.P.");
    }

    @Test
    void theRecordShowsSessionsAttendanceAgreementsAndCasesAndExportsAnAuditedCsv() {
        long table = AgendaFixture.table(COMUNA);
        long held = AgendaFixture.session(table, -20, "HELD");
        AgendaFixture.session(table, -10, "CANCELLED");
        AgendaFixture.session(table, -5, "PLANNED");
        long member = AgendaFixture.sql("INSERT INTO mgc_member (table_id, kind, institution, person_name, email, joined_on,"
                + " created_by) VALUES (?, 'PERMANENT', 'Carabineros Prueba', 'Sargento Prueba', 'c@prueba.cl', current_date - 100,"
                + " 'fixture') RETURNING id", table);
        AgendaFixture.sql("INSERT INTO mgc_participant (session_id, member_id, rsvp_token, attendance) VALUES (?, ?, ?,"
                + " 'PRESENT') RETURNING id", held, member, AgendaFixture.unique("tok"));
        AgendaFixture.agreement(table, held, "DONE", 3); // done today, due in three days: on time
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        AgendaFixture.caseItem(held, k, "PICKED", "PICKED");
        AgendaFixture.update("UPDATE case_file SET status = 'CLOSED', closed_on = current_date WHERE id = ?", k.id());

        WebClient web = new WebClient(base);
        web.signIn(AgendaFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/record.xhtml?table=" + table + "&from="
                + java.time.LocalDate.now().minusDays(60) + "&to=" + java.time.LocalDate.now().plusDays(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Carabineros Prueba").doesNotContain(k.code()).doesNotContain("B.M.P.");
        assertThat(page.body()).containsPattern("id=\"cardHeld\"><span class=\"figure\">1 / 3<");
        assertThat(page.body()).containsPattern("id=\"cardOnTime\"><span class=\"figure\">1 / 1<");
        assertThat(page.body()).containsPattern("id=\"cardClosed\"><span class=\"figure\">1<");

        long exports = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'MGC_RECORD'", AgendaFixture.COORDINATOR);
        HttpResponse<byte[]> csv = web.download(page, "attendanceForm", Map.of(), "exportCsv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("\"Carabineros Prueba\"", "\"1\"");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'MGC_RECORD'", AgendaFixture.COORDINATOR)).isEqualTo(exports + 1);

        WebClient other = new WebClient(base);
        other.signIn(AgendaFixture.OTHER_COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(other.get("mgc/record.xhtml?table=" + table).body()).contains("La mesa no existe o no está disponible");
    }
}
