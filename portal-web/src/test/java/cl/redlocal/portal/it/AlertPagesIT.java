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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cl.redlocal.portal.it.AlertFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AlertFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.AlertFixture.MANAGER;
import static cl.redlocal.portal.it.AlertFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The alert and follow-up pages over HTTP: the inbox's one click to the agenda, the case sections, the log, the territory. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlertPagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        AlertFixture.ensure();
    }

    @Test
    void aCofacilitatorSendsAHighAlertToTheNextSessionsAgendaFromTheInbox() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long id = AlertFixture.alert(kase, "SUICIDE_RISK", "HIGH", 0);
        TestDatabase.update("UPDATE vulnerability_alert SET escalated_at = now() WHERE id = ?", id);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> inbox = web.get("alerts/inbox.xhtml");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains(kase.code()).contains("A.A.P.").contains("Riesgo suicida")
                .contains("A la próxima sesión de la Mesa").doesNotContain("Ana Alerta");

        HttpResponse<String> done = web.submit(inbox, "inboxForm", Map.of(), "alerts:" + rowOf(inbox.body(), kase.code()) + ":agenda");
        assertThat(done.body()).contains("La alerta del caso " + kase.code() + " quedó en la agenda de la próxima sesión de la Mesa.");
        assertThat(count("SELECT count(*) FROM session_agenda_request WHERE alert_id = ? AND requested_by = ?",
                id, COFACILITATOR)).isEqualTo(1);
        String row = rowHtml(done.body(), kase.code());
        assertThat(row).contains("En agenda").doesNotContain("A la próxima sesión de la Mesa");
    }

    @Test
    void aCofacilitatorSendsAnAlertToTheNextSessionsAgendaFromTheCasePage() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long id = AlertFixture.alert(kase, "PLAN_OVERDUE", "MEDIUM", 0);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("cases/case.xhtml?id=" + kase.id());
        assertThat(page.body()).contains("Acción del plan vencida").contains("caseAlerts:alerts:0:agenda");

        HttpResponse<String> done = web.submit(page, "caseAlerts", Map.of(), "alerts:0:agenda");
        assertThat(done.body()).contains("La alerta del caso " + kase.code() + " quedó en la agenda de la próxima sesión de la Mesa.")
                .doesNotContain("caseAlerts:alerts:0:agenda");
        assertThat(count("SELECT count(*) FROM session_agenda_request WHERE alert_id = ? AND requested_by = ?",
                id, COFACILITATOR)).isEqualTo(1);
    }

    @Test
    void aCofacilitatorRunsTheRulesNowAndTheOverdueReferralsAlertAppears() throws Exception {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long referral = AlertFixture.referral(kase, program, 4);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("alerts/rules.xhtml");
        assertThat(page.body()).contains("rulesForm:runNow");

        HttpResponse<String> ran = web.submit(page, "rulesForm", Map.of(), "runNow");
        assertThat(ran.body()).contains("Reglas ejecutadas:");
        assertThat(count("SELECT count(*) FROM vulnerability_alert WHERE case_id = ? AND kind = 'REFERRAL_OVERDUE'"
                + " AND cause_key = ?", kase.id(), "ref:" + referral)).isEqualTo(1);
    }

    @Test
    void theCasePageShowsItsAlertsAndAReEntryAndTheLogExportIsAudited() throws Exception {
        AlertFixture.Program first = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program second = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(kase, first, 500, 200);
        AlertFixture.stay(kase, second, 20, null);
        AlertFixture.alert(kase, "SCHOOL_DROPOUT", "MEDIUM", 1);
        WebClient web = new WebClient(base);
        web.signIn(second.professional(), TestSession.DEMO_PASSWORD);
        String page = web.get("cases/case.xhtml?id=" + kase.id()).body();
        assertThat(page).contains("Alertas de vulnerabilidad").contains("Deserción escolar")
                .contains("Reingreso dentro de 24 meses de un egreso").contains(first.acronym());

        HttpResponse<String> log = web.get("alerts/log.xhtml");
        assertThat(log.body()).contains(kase.code());
        long before = count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'", second.professional());
        HttpResponse<byte[]> csv = web.download(log, "logForm", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(kase.code()).contains("Deserción escolar");
        assertThat(count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'", second.professional()))
                .isEqualTo(before + 1);
    }

    @Test
    void theTerritorialManagerSeesCountsWithoutCases() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.alert(kase, "STREET_SITUATION", "HIGH", 0);
        WebClient web = new WebClient(base);
        web.signIn(MANAGER, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("alerts/territory.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Comuna Alertas").contains("Situación de calle").doesNotContain(kase.code())
                .doesNotContain("A.A.P.").contains("territoryForm:chart");
        HttpResponse<byte[]> csv = web.download(page, "territoryForm", Map.of(), "exportCsv");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("Comuna Alertas").contains("Situación de calle").doesNotContain(kase.code());
        assertThat(web.get("alerts/inbox.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void aProfessionalRecordsTheExitOnTheCasePageAndADueFollowUpOnTheDuePage() throws Exception {
        AlertFixture.Program earlier = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 3);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(kase, earlier, 900, 800);
        long stay = AlertFixture.stay(kase, program, 300, null);
        WebClient web = new WebClient(base);
        web.signIn(program.professional(), TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("cases/case.xhtml?id=" + kase.id());
        assertThat(page.body()).contains("Registrar egreso");

        HttpResponse<String> refused = web.submit(page, "caseFollowUp", Map.of("exitReason", ""), "stays:1:exit");
        assertThat(refused.body()).contains("Indique el motivo del egreso y si se lograron los objetivos del plan.");
        assertThat(TestDatabase.value("SELECT ended_on FROM case_involvement WHERE id = ?", stay)).isNull();
        assertThat(TestDatabase.value("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(3);

        HttpResponse<String> done = web.submit(refused, "caseFollowUp",
                Map.of("exitReason", "Objetivos del plan cumplidos", "goals_input", "YES"), "stays:1:exit");
        assertThat(done.body()).contains("quedó registrado; se liberó el cupo");
        assertThat(TestDatabase.value("SELECT goals_achieved FROM case_involvement WHERE id = ?", stay)).isEqualTo("YES");
        assertThat(TestDatabase.value("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM followup_task WHERE involvement_id = ?", stay)).isEqualTo(4);

        TestDatabase.update("UPDATE followup_task SET due_on = current_date - 1 WHERE involvement_id = ? AND months = 3", stay);
        HttpResponse<String> due = web.get("followup/due.xhtml");
        assertThat(due.body()).contains(kase.code()).contains("A.A.P.");
        long exports = count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'FOLLOWUP_TASK'", program.professional());
        HttpResponse<byte[]> xlsx = web.download(due, "dueForm", Map.of(), "exportCsv");
        assertThat(new String(xlsx.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(kase.code() + " A.A.P.");
        assertThat(count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'FOLLOWUP_TASK'", program.professional())).isEqualTo(exports + 1);
        HttpResponse<String> selected = web.submit(due, "dueForm", Map.of(), "tasks:" + row(due.body(), "dueForm:tasks",
                kase.code()) + ":record");
        HttpResponse<String> empty = web.submit(selected, "dueForm", Map.of("notes", ""), "complete");
        assertThat(empty.body()).contains("Escriba las notas del seguimiento.");
        HttpResponse<String> recorded = web.submit(empty, "dueForm", Map.of("notes", "Asiste regularmente al colegio"),
                "complete");
        assertThat(recorded.body()).contains("El seguimiento del caso " + kase.code() + " quedó registrado.");
        assertThat(TestDatabase.value("SELECT notes FROM followup_task WHERE involvement_id = ? AND months = 3", stay))
                .isEqualTo("Asiste regularmente al colegio");
    }

    @Test
    void aProfessionalRaisesAManualAlertOnTheCasePageWithSpanishMessagesForMissingFields() throws Exception {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(kase, program, 30, null);
        WebClient web = new WebClient(base);
        web.signIn(program.professional(), TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("cases/case.xhtml?id=" + kase.id());
        assertThat(page.body()).contains("Nueva alerta manual").contains("El caso no tiene alertas.");

        HttpResponse<String> refused = web.submit(page, "caseAlertForm",
                Map.of("kind_input", "", "severity_input", "", "description", ""), "raise");
        assertThat(refused.body()).contains("Elija el tipo de alerta.").contains("Elija la gravedad.")
                .contains("Describa lo observado.");
        assertThat(count("SELECT count(*) FROM vulnerability_alert WHERE case_id = ?", kase.id())).isZero();

        HttpResponse<String> raised = web.submit(refused, "caseAlertForm", Map.of("kind_input", "SUBSTANCE_USE",
                "severity_input", "HIGH", "description", "Consumo problemático informado por el colegio"), "raise");
        assertThat(raised.body()).contains("La alerta quedó registrada.").contains("Consumo de alcohol o drogas");
        assertThat(TestDatabase.value("SELECT severity || '/' || raised_by || '/' || (escalated_at IS NOT NULL)"
                + " FROM vulnerability_alert WHERE case_id = ?", kase.id()))
                .isEqualTo("HIGH/" + program.professional() + "/true");
    }

    private static int row(String html, String tableId, String code) {
        Matcher m = Pattern.compile("data-ri=\"(\\d+)\"").matcher(html);
        int last = -1;
        int at = html.indexOf(code, html.indexOf("id=\"" + tableId + "\""));
        while (m.find() && m.start() < at) {
            last = Integer.parseInt(m.group(1));
        }
        assertThat(last).as("row of " + code).isGreaterThanOrEqualTo(0);
        return last;
    }

    private static int rowOf(String html, String code) {
        Matcher m = Pattern.compile("data-ri=\"(\\d+)\"").matcher(html);
        int last = -1;
        int at = html.indexOf(code, html.indexOf("id=\"inboxForm:alerts\""));
        while (m.find() && m.start() < at) {
            last = Integer.parseInt(m.group(1));
        }
        assertThat(last).as("row of " + code).isGreaterThanOrEqualTo(0);
        return last;
    }

    private static String rowHtml(String html, String code) {
        int at = html.indexOf(code, html.indexOf("id=\"inboxForm:alerts\""));
        int start = html.lastIndexOf("<tr", at);
        int end = html.indexOf("</tr>", at);
        return html.substring(start, end);
    }
}
