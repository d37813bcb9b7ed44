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

import static cl.redlocal.portal.it.NetworkFixture.COMUNA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network's pages as served to a browser (issue 18): the knots page records a knot that the next agenda
 * shows and puts the Spanish message beside a bad field; the territorial manager reads knots without a form;
 * the actor map lists, relates and exports (audited).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkPagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        NetworkFixture.ensure();
    }

    @Test
    void aCoFacilitatorRecordsAKnotOnTheKnotsPageAndTheNextAgendaShowsIt() {
        long table = NetworkFixture.table(COMUNA);
        long held = NetworkFixture.session(table, -48, "HELD");
        long next = NetworkFixture.session(table, 24, "PLANNED");
        String agreement = NetworkFixture.unique("Acuerdo nudo ");
        long agreementId = NetworkFixture.agreement(table, held, agreement);
        String title = NetworkFixture.unique("Derivaciones a COSAM sin respuesta ");

        WebClient web = new WebClient(base);
        web.signIn(NetworkFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/network/knots.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("knotForm", agreement);

        // no title: the Spanish message beside the field, nothing recorded
        HttpResponse<String> invalid = web.submit(page, "knotForm", Map.of("tableId", String.valueOf(table),
                "title", " ", "evidenceLink", "ftp://no"), "save");
        assertThat(invalid.body()).containsPattern("id=\"knotForm:title\"[\\s\\S]{0,600}Describa el nudo crítico\\.")
                .containsPattern("id=\"knotForm:evidenceLink\"[\\s\\S]{0,900}El enlace a la evidencia debe ser una ruta del portal");
        assertThat(TestDatabase.count("SELECT count(*) FROM net_knot WHERE table_id = ?", table)).isZero();

        HttpResponse<String> saved = web.submit(invalid, "knotForm", Map.of("tableId", String.valueOf(table),
                "title", title, "evidence", "12 derivaciones sin respuesta en 30 días", "evidenceLink", "",
                "evidenceSource", "GAPS", "strategy", "Reunión de coordinación con COSAM",
                "agreementIds", String.valueOf(agreementId)), "save");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Nudo crítico registrado", title, "Con estrategia", agreement);
        assertThat(TestDatabase.value("SELECT evidence_link FROM net_knot WHERE title = ?", title))
                .isEqualTo("/offer/gaps.xhtml");

        long exports = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'NET_KNOT'", NetworkFixture.COFACILITATOR);
        HttpResponse<byte[]> csv = web.download(saved, "knots", Map.of("state", "OPEN"), "exportCsv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("\"" + title + "\"",
                "Reunión de coordinación con COSAM", agreement);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'NET_KNOT'", NetworkFixture.COFACILITATOR)).isEqualTo(exports + 1);

        String agenda = web.get("mgc/agenda.xhtml?session=" + next).body();
        assertThat(agenda).containsPattern("id=\"agendaKnots\"[\\s\\S]*" + java.util.regex.Pattern.quote(title));

        // resolved: off the open list, on the resolved one
        long knot = TestDatabase.count("SELECT id FROM net_knot WHERE title = ?", title);
        HttpResponse<String> closing = web.get("mgc/network/knots.xhtml?close=" + knot);
        HttpResponse<String> blank = web.submit(closing, "resolveForm", Map.of("resolution", " "), "resolve");
        assertThat(blank.body()).containsPattern("id=\"resolveForm:resolution\"[\\s\\S]{0,600}Indique cómo se resolvió el nudo\\.");
        HttpResponse<String> resolved = web.submit(blank, "resolveForm", Map.of("resolution", "COSAM asignó una dupla"),
                "resolve");
        assertThat(resolved.body()).contains("Nudo crítico cerrado como resuelto", title, "COSAM asignó una dupla");
        assertThat(web.get("mgc/network/knots.xhtml").body()).doesNotContain(title);
    }

    @Test
    void theTerritorialManagerReadsTheSupportedComunasKnotsWithoutAForm() {
        long table = NetworkFixture.table(COMUNA);
        String title = NetworkFixture.unique("Nudo visto por la gestora ");
        NetworkFixture.knot(table, title);

        WebClient web = new WebClient(base);
        web.signIn(NetworkFixture.MANAGER, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/network/knots.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(title, "Comuna Red", "Usted lee los nudos")
                .doesNotContain("knotForm").doesNotContain("resolveForm").doesNotContain("close=");
        assertThat(web.get("mgc/network/knots.xhtml?edit=" + TestDatabase.count("SELECT id FROM net_knot WHERE title = ?",
                title)).body()).doesNotContain("knotForm");

        WebClient far = new WebClient(base);
        far.signIn(NetworkFixture.FAR_COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(far.get("mgc/network/knots.xhtml").body()).contains("knotForm").doesNotContain(title);
    }

    @Test
    void theActorMapListsRelatesAndExportsAnAuditedCsv() {
        String police = NetworkFixture.unique("Carabineros Red ");
        NetworkFixture.actor(COMUNA, police);
        String school = NetworkFixture.unique("Liceo actor ");
        String health = NetworkFixture.unique("CESFAM actor ");
        NetworkFixture.sql("INSERT INTO net_actor (comuna_id, name, kind, provider_id, network_role, contact_name, created_by)"
                + " VALUES (?, ?, 'SCHOOL', ?, 'Detecta y deriva', 'Orientadora Red', 'fixture') RETURNING id",
                NetworkFixture.comunaId(COMUNA), school, NetworkFixture.providerId("Liceo Red"));
        NetworkFixture.sql("INSERT INTO net_actor (comuna_id, name, kind, provider_id, created_by) VALUES (?, ?, 'HEALTH',"
                + " ?, 'fixture') RETURNING id", NetworkFixture.comunaId(COMUNA), health, NetworkFixture.providerId("CESFAM Red"));
        String protocol = NetworkFixture.unique("Protocolo actores ");
        NetworkFixture.protocol(COMUNA, protocol, true, "LICEO", "CESFAM");

        WebClient web = new WebClient(base);
        web.signIn(NetworkFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/network/actors.xhtml?comuna=" + NetworkFixture.comunaId(COMUNA));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Quién trabaja con quién", "linksChart", "actorForm")
                .containsPattern("id=\"actors:table\"[\\s\\S]*" + java.util.regex.Pattern.quote(police) + "[\\s\\S]*id=\"links\"");
        assertThat(page.body()).containsPattern("id=\"links\"[\\s\\S]*" + java.util.regex.Pattern.quote(school)
                + "[\\s\\S]*" + java.util.regex.Pattern.quote(health));

        long exports = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'NET_ACTOR'", NetworkFixture.COFACILITATOR);
        HttpResponse<byte[]> csv = web.download(page, "actors", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String lines = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(lines).contains("\"" + school + "\"", "\"Educación\"", "\"Detecta y deriva\"", protocol, police);
        // the search applies to the export too
        HttpResponse<String> again = web.get("mgc/network/actors.xhtml?comuna=" + NetworkFixture.comunaId(COMUNA));
        String searched = new String(web.download(again, "actors", Map.of("search", school), "exportCsv").body(),
                StandardCharsets.UTF_8);
        assertThat(searched).contains("\"" + school + "\"").doesNotContain(police);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'NET_ACTOR'", NetworkFixture.COFACILITATOR)).isEqualTo(exports + 2);

        // a co-facilitator adds an institution; a bad e-mail is refused beside the field
        String court = NetworkFixture.unique("Tribunal de Familia Red ");
        HttpResponse<String> invalid = web.submit(page, "actorForm", Map.of("name", court, "kind", "COURT",
                "contactEmail", "no-es-correo"), "save");
        assertThat(invalid.body()).containsPattern("id=\"actorForm:contactEmail\"[\\s\\S]{0,600}El correo de contacto no es válido\\.");
        HttpResponse<String> created = web.submit(invalid, "actorForm", Map.of("name", court, "kind", "COURT",
                "contactEmail", "tribunal@red.cl", "networkRole", "Medidas de protección"), "save");
        assertThat(created.body()).contains("Institución agregada al mapa");
        assertThat(TestDatabase.count("SELECT count(*) FROM net_actor WHERE name = ? AND kind = 'COURT'", court)).isEqualTo(1);

        WebClient manager = new WebClient(base);
        manager.signIn(NetworkFixture.MANAGER, TestSession.DEMO_PASSWORD);
        String managed = manager.get("mgc/network/actors.xhtml?comuna=" + NetworkFixture.comunaId(COMUNA)).body();
        assertThat(managed).contains("Quién trabaja con quién").doesNotContain("actorForm");
    }

    @Test
    void theProgramPageShowsTheApprovedProtocolThatBindsIt() {
        String title = NetworkFixture.unique("Protocolo del programa ");
        NetworkFixture.protocol(COMUNA, title, true, "COSAM");
        String draft = NetworkFixture.unique("Borrador del programa ");
        NetworkFixture.protocol(COMUNA, draft, false, "COSAM");

        WebClient web = new WebClient(base);
        web.signIn(NetworkFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        String page = web.get("offer/program.xhtml?id=" + NetworkFixture.programId(COMUNA, "COSAM")).body();
        assertThat(page).containsPattern("id=\"programProtocols\"[\\s\\S]*" + java.util.regex.Pattern.quote(title))
                .contains("Protocolos que aplican a este programa", "Ingreso a salud mental").doesNotContain(draft);
    }

    @Test
    void aTrainingRecordedInTheMinutesOfABegunSessionIsCountedOnTheRecordPage() {
        long table = NetworkFixture.table(COMUNA);
        long session = NetworkFixture.session(table, -2, "CONVENED");
        long future = NetworkFixture.session(table, 30, "PLANNED");
        String subject = NetworkFixture.unique("Enfoque de derechos ");

        WebClient web = new WebClient(base);
        web.signIn(NetworkFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(web.get("mgc/minutes.xhtml?session=" + future).body()).doesNotContain("trainingForm");
        HttpResponse<String> minutes = web.get("mgc/minutes.xhtml?session=" + session);
        assertThat(minutes.body()).contains("trainingForm", "No hay capacitaciones registradas");

        HttpResponse<String> invalid = web.submit(minutes, "trainingForm", Map.of("subject", " ", "kind", "GUEST",
                "givenBy", "Psicóloga COSAM", "attendees", "14"), "save");
        assertThat(invalid.body()).containsPattern("id=\"trainingForm:subject\"[\\s\\S]{0,600}Indique el tema de la capacitación\\.");
        assertThat(TestDatabase.count("SELECT count(*) FROM net_training WHERE session_id = ?", session)).isZero();

        HttpResponse<String> recorded = web.submit(invalid, "trainingForm", Map.of("subject", subject, "kind", "GUEST",
                "givenBy", "Psicóloga COSAM", "attendees", "14"), "save");
        assertThat(recorded.body()).contains("Capacitación registrada", subject, "Psicóloga COSAM");
        assertThat(TestDatabase.count("SELECT count(*) FROM net_training WHERE session_id = ? AND attendees = 14", session))
                .isEqualTo(1);

        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Santiago"));
        String record = web.get("mgc/record.xhtml?table=" + table + "&from=" + today.minusDays(30) + "&to=" + today).body();
        assertThat(record).contains("Capacitaciones de la mesa por año")
                .containsPattern("id=\"trainingYears\"[\\s\\S]*" + today.getYear() + "[\\s\\S]{0,600}training-count\">1<");
    }

    @Test
    void theMinutesShowTheProtocolsTheSessionApproved() {
        String title = NetworkFixture.unique("Protocolo del acta ");
        long protocol = NetworkFixture.protocol(COMUNA, title, true, "OPD");
        long session = TestDatabase.count("SELECT approved_session_id FROM net_protocol WHERE id = ?", protocol);

        WebClient web = new WebClient(base);
        web.signIn(NetworkFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> minutes = web.get("mgc/minutes.xhtml?session=" + session);
        assertThat(minutes.body()).containsPattern("id=\"minutesProtocols\"[\\s\\S]*" + java.util.regex.Pattern.quote(title));
        HttpResponse<byte[]> pdf = web.download(minutes, "toolbar", Map.of(), "pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
