package cl.redlocal.portal.it;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convocation end to end, through the pages and a real SMTP server (GreenMail in the test JVM): the
 * co-facilitator sends it, every member receives a mail whose .ics parses with the session's UID,
 * SEQUENCE and start; a move sends an update (SEQUENCE + 1), a cancellation METHOD:CANCEL; a member
 * answers from the mail's link without signing in (POST only), or in the portal; a past session is
 * refused with a Spanish message; the members list exports to CSV.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MgcConvocationIT {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final Pattern RSVP = Pattern.compile("mgc-rsvp\\.xhtml\\?t=([0-9a-f]+)");

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        MgcSessionFixture.ensure();
    }

    @Test
    void theConvocationItsUpdateAndItsCancellationArriveWithCalendarInvitations() throws Exception {
        String tag = "mgcinv" + System.nanoTime();
        String tableName = MgcSessionFixture.unique("Mesa Convocatoria");
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, tableName);
        MgcSessionFixture.member(table, "PERMANENT", "OPD", "Ana Convocada", tag + ".ana@demo.cl", null,
                LocalDate.of(2025, 1, 1), null);
        MgcSessionFixture.member(table, "PERMANENT", "EDT", "Bruno Convocado", tag + ".bruno@demo.cl", null,
                LocalDate.of(2025, 1, 1), null);
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 5, 14, 10, 0, 0, 0, SANTIAGO).toInstant(),
                180, "Sala de la OPD");
        String uid = (String) TestDatabase.value("SELECT ical_uid FROM mgc_session WHERE id = ?", session);

        WebClient web = new WebClient(base);
        web.signIn(MgcSessionFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/session.xhtml?id=" + session);
        assertThat(page.body()).contains(tableName).contains("Planificada");
        HttpResponse<String> convened = web.submit(page, "conveneForm", Map.of(), "convene");
        assertThat(convened.body()).contains("Convocatoria enviada: 2 correos");

        MimeMessage invitation = waitForMail(tag + ".ana@demo.cl", "Convocatoria:");
        assertThat(invitation.getSubject()).contains(tableName).contains("miércoles 14 de mayo de 2031");
        String text = body(invitation);
        assertThat(text).contains("Estimado/a Ana Convocada").contains("10:00 a 13:00").contains("Sala de la OPD")
                .contains("La tabla se enviará más adelante").containsPattern(RSVP);
        VEvent event = event(invitation, "REQUEST");
        assertThat(value(event, Property.UID)).isEqualTo(uid);
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        // May is winter time in Santiago (UTC-4)
        assertThat(value(event, Property.DTSTART)).isEqualTo("20310514T140000Z");
        assertThat(value(event, Property.DTEND)).isEqualTo("20310514T170000Z");
        assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:" + tag + ".ana@demo.cl");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter("RSVP").orElseThrow().getValue())
                .isEqualTo("TRUE");
        assertThat(value(event, Property.ORGANIZER)).startsWith("mailto:");
        waitForMail(tag + ".bruno@demo.cl", "Convocatoria:");

        // a move without a reason: the Spanish message beside the field, nothing changes, nobody is told
        HttpResponse<String> again = web.get("mgc/session.xhtml?id=" + session);
        HttpResponse<String> refused = web.submit(again, "moveForm", Map.of("day_input", "21-05-2031",
                "startTime", "11:00", "durationMinutes_input", "120", "durationMinutes_hinput", "120",
                "place", "Auditorio municipal", "videoLink", "", "reason", ""), "move");
        assertThat(refused.body()).contains("Indique el motivo del cambio.");
        assertThat(TestDatabase.value("SELECT to_char(starts_at AT TIME ZONE 'America/Santiago', 'YYYY-MM-DD HH24:MI')"
                + " FROM mgc_session WHERE id = ?", session)).isEqualTo("2031-05-14 10:00");

        HttpResponse<String> moved = web.submit(again, "moveForm", Map.of("day_input", "21-05-2031",
                "startTime", "11:00", "durationMinutes_input", "120", "durationMinutes_hinput", "120",
                "place", "Auditorio municipal", "videoLink", "", "reason", "Coincide con una capacitación regional"),
                "move");
        assertThat(moved.body()).contains("Coincide con una capacitación regional").contains("Auditorio municipal");
        MimeMessage update = waitForMail(tag + ".ana@demo.cl", "Cambio en la sesión:");
        assertThat(body(update)).contains("Motivo: Coincide con una capacitación regional").contains("11:00 a 13:00");
        VEvent updated = event(update, "REQUEST");
        assertThat(value(updated, Property.UID)).isEqualTo(uid);
        assertThat(value(updated, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(updated, Property.DTSTART)).isEqualTo("20310521T150000Z");
        assertThat(value(updated, Property.LOCATION)).isEqualTo("Auditorio municipal");

        HttpResponse<String> beforeCancel = web.get("mgc/session.xhtml?id=" + session);
        HttpResponse<String> noReason = web.submit(beforeCancel, "cancelForm", Map.of("cancelReason", ""), "cancel");
        assertThat(noReason.body()).contains("Indique el motivo de la cancelación.");
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", session)).isEqualTo("CONVENED");
        HttpResponse<String> cancelled = web.submit(beforeCancel, "cancelForm",
                Map.of("cancelReason", "Emergencia comunal por incendio forestal"), "cancel");
        assertThat(cancelled.body()).contains("Cancelada").contains("Emergencia comunal por incendio forestal");
        MimeMessage cancellation = waitForMail(tag + ".bruno@demo.cl", "Sesión cancelada:");
        assertThat(body(cancellation)).contains("Motivo: Emergencia comunal por incendio forestal");
        VEvent cancelledEvent = event(cancellation, "CANCEL");
        assertThat(value(cancelledEvent, Property.UID)).isEqualTo(uid);
        assertThat(value(cancelledEvent, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelledEvent, Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void aMemberAnswersFromTheMailLinkWithoutSigningInAndOnlyByPost() throws Exception {
        String tag = "mgcrsvp" + System.nanoTime();
        String tableName = MgcSessionFixture.unique("Mesa Respuestas");
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, tableName);
        MgcSessionFixture.member(table, "PERMANENT", "PPF", "Carla Responde", tag + ".carla@demo.cl", null,
                LocalDate.of(2025, 1, 1), null);
        MgcSessionFixture.member(table, "PERMANENT", "PIE", "Diego Reservado", tag + ".diego@demo.cl", null,
                LocalDate.of(2025, 1, 1), null);
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 6, 11, 9, 30, 0, 0, SANTIAGO).toInstant(),
                120, "Sala de la OPD");
        WebClient cofa = new WebClient(base);
        cofa.signIn(MgcSessionFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        cofa.submit(cofa.get("mgc/session.xhtml?id=" + session), "conveneForm", Map.of(), "convene");

        Matcher link = RSVP.matcher(body(waitForMail(tag + ".carla@demo.cl", "Convocatoria:")));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        WebClient anonymous = new WebClient(base);
        HttpResponse<String> page = anonymous.get("mgc-rsvp.xhtml?t=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).endsWith("mgc-rsvp.xhtml");
        assertThat(page.body()).contains(tableName).contains("miércoles 11 de junio de 2031").contains("Sin respuesta")
                .doesNotContain("Diego Reservado").doesNotContain("Sala de la OPD").doesNotContain(tag + ".diego");
        assertThat(rsvpOf(tag + ".carla@demo.cl")).as("a GET changes nothing").isEqualTo("PENDING");

        HttpResponse<String> answered = anonymous.submit(page, "rsvp", Map.of("t", token), "yes");
        assertThat(answered.body()).contains("quedó registrado que asistirá");
        assertThat(rsvpOf(tag + ".carla@demo.cl")).isEqualTo("YES");
        assertThat(rsvpOf(tag + ".diego@demo.cl")).isEqualTo("PENDING");

        assertThat(cofa.get("mgc/session.xhtml?id=" + session).body()).contains("2 convocados: 1 confirman, 0 no asistirán")
                .contains("Asistirá");
        assertThat(anonymous.get("mgc-rsvp.xhtml?t=0123456789abcdef").body()).contains("El enlace no es válido.");
    }

    @Test
    void aMemberWithAPortalAccountConfirmsOnTheSessionPage() throws Exception {
        String tag = "mgcportal" + System.nanoTime();
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, MgcSessionFixture.unique("Mesa Portal"));
        MgcSessionFixture.member(table, "PERMANENT", "MGA", "Profesional MGA", tag + ".mga@demo.cl",
                MgcSessionFixture.userId(MgcSessionFixture.PROFESSIONAL), LocalDate.of(2025, 1, 1), null);
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 7, 9, 9, 30, 0, 0, SANTIAGO).toInstant(),
                120, "Sala");
        // the agenda as it stands (part B writes it) travels in the convocation
        TestDatabase.update("INSERT INTO mgc_agenda_item (session_id, position, block, title) VALUES (?, 1, 'WELCOME',"
                + " 'Bienvenida'), (?, 2, 'CASES', 'Análisis de casos')", session, session);
        WebClient cofa = new WebClient(base);
        cofa.signIn(MgcSessionFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        cofa.submit(cofa.get("mgc/session.xhtml?id=" + session), "conveneForm", Map.of(), "convene");
        assertThat(body(waitForMail(tag + ".mga@demo.cl", "Convocatoria:"))).contains("Tabla:\n1. Bienvenida\n2. Análisis de casos")
                .doesNotContain("La tabla se enviará más adelante");

        WebClient professional = new WebClient(base);
        professional.signIn(MgcSessionFixture.PROFESSIONAL, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = professional.get("mgc/session.xhtml?id=" + session);
        assertThat(page.body()).contains("Su respuesta").doesNotContain("id=\"conveneForm\"")
                .doesNotContain("id=\"moveForm\"");
        HttpResponse<String> answered = professional.submit(page, "rsvpForm", Map.of(), "no");
        assertThat(answered.body()).contains("quedó registrado que no asistirá");
        assertThat(rsvpOf(tag + ".mga@demo.cl")).isEqualTo("NO");
    }

    @Test
    void aPastSessionGetsASpanishRefusalAndNoConvocation() throws Exception {
        String tag = "mgcpast" + System.nanoTime();
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, MgcSessionFixture.unique("Mesa Pasada"));
        MgcSessionFixture.member(table, "PERMANENT", "OPD", "Eva Pasada", tag + ".eva@demo.cl", null,
                LocalDate.of(2020, 1, 1), null);
        long session = MgcSessionFixture.session(table, Instant.now().minusSeconds(3 * 86_400), 120, "Sala");
        WebClient cofa = new WebClient(base);
        cofa.signIn(MgcSessionFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> refused = cofa.submit(cofa.get("mgc/session.xhtml?id=" + session), "conveneForm",
                Map.of(), "convene");
        assertThat(refused.body()).contains("La sesión ya pasó: no se puede enviar una convocatoria para una sesión pasada.");
        assertThat(TestDatabase.value("SELECT state FROM mgc_session WHERE id = ?", session)).isEqualTo("PLANNED");
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", tag + ".eva@demo.cl")).isZero();
    }

    @Test
    void pagesAndMembersExportForReadersAndAnotherComunaSeesNothing() throws Exception {
        String tableName = MgcSessionFixture.unique("Mesa Exportada");
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, tableName);
        MgcSessionFixture.member(table, "PERMANENT", "CESFAM Norte", "Fernanda Salud", "fernanda.salud@demo.cl", null,
                LocalDate.of(2025, 3, 1), null);
        MgcSessionFixture.member(table, "EVENTUAL", "Tribunal de Familia", "Gonzalo Juez", "gonzalo.juez@demo.cl", null,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 12, 31));
        long session = MgcSessionFixture.session(table, ZonedDateTime.of(2031, 8, 13, 9, 30, 0, 0, SANTIAGO).toInstant(),
                120, "Sala");

        WebClient coordinator = new WebClient(base);
        coordinator.signIn(MgcSessionFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = coordinator.get("mgc/tables.xhtml?table=" + table);
        assertThat(page.body()).contains(tableName).contains("Fernanda Salud").contains("31-12-2025")
                .doesNotContain("id=\"memberForm\"").doesNotContain("id=\"tableForm\"");
        long before = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'MGC_MEMBER'", MgcSessionFixture.COORDINATOR);
        HttpResponse<byte[]> csv = coordinator.download(page, "members", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Fernanda Salud").contains("fernanda.salud@demo.cl")
                .contains("Tribunal de Familia").contains("Eventual");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'MGC_MEMBER'", MgcSessionFixture.COORDINATOR)).isEqualTo(before + 1);
        assertThat(coordinator.get("mgc/calendar.xhtml").statusCode()).isEqualTo(200);
        assertThat(coordinator.get("mgc/plan.xhtml?table=" + table).body()).contains(tableName)
                .doesNotContain("id=\"planForm\"");

        WebClient other = new WebClient(base);
        other.signIn(MgcSessionFixture.OTHER_COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(other.get("mgc/session.xhtml?id=" + session).body()).contains("La sesión no existe o no está a su alcance.")
                .doesNotContain(tableName);
        assertThat(other.get("mgc/tables.xhtml?table=" + table).body()).doesNotContain(tableName)
                .doesNotContain("Fernanda Salud");
    }

    @Test
    void theCalendarLoadsTheVisibleMonthAndAClickOpensTheSession() {
        String tableName = MgcSessionFixture.unique("Mesa Calendario");
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, tableName);
        ZonedDateTime start = LocalDate.now(SANTIAGO).plusDays(2).atTime(10, 0).atZone(SANTIAGO);
        long session = MgcSessionFixture.session(table, start.toInstant(), 120, "Sala del calendario");
        org.openqa.selenium.chrome.ChromeDriver browser = Browser.start();
        try {
            org.openqa.selenium.support.ui.WebDriverWait wait =
                    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(base + "login.xhtml");
            browser.findElement(org.openqa.selenium.By.id("login:username")).sendKeys(MgcSessionFixture.COFACILITATOR);
            browser.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(org.openqa.selenium.By.id("login:submit")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("index.xhtml"));
            browser.get(base + "mgc/calendar.xhtml");
            org.openqa.selenium.By event = org.openqa.selenium.By.xpath("//a[contains(@class,'fc-event')][contains(.,'"
                    + tableName + "')]");
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(event));
            Browser.screenshot(browser, "mgc-calendar");
            browser.findElement(event).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("mgc/session.xhtml?id=" + session));
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("place"), "Sala del calendario"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPlanIsCreatedOnThePlanPageAndBadInputGetsSpanishMessages() throws Exception {
        String tableName = MgcSessionFixture.unique("Mesa Plan Web");
        long table = MgcSessionFixture.table(MgcSessionFixture.COMUNA, tableName);
        WebClient cofa = new WebClient(base);
        cofa.signIn(MgcSessionFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = cofa.get("mgc/plan.xhtml?table=" + table);
        assertThat(page.body()).contains(tableName).contains("id=\"planForm\"");
        // field by field first (the components' own Bean Validation), then the rules across fields
        Map<String, String> bad = new java.util.HashMap<>(Map.of("label", "", "startsOn_input", "01-07-2032",
                "endsOn_input", "31-12-2032", "frequency_input", "MONTHLY", "weekOfMonth_input", "2",
                "weekday_input", "3", "startTime", "25:99", "durationMinutes_input", "5", "durationMinutes_hinput", "5"));
        bad.put("place", "Sala");
        bad.put("videoLink", "");
        HttpResponse<String> refused = cofa.submit(page, "planForm", bad, "create");
        assertThat(refused.body()).contains("Indique el nombre del plan").contains("Escriba la hora como HH:MM")
                .contains("La duración va de 15 a 600 minutos");
        Map<String, String> crossed = new java.util.HashMap<>(Map.of("label", "Al revés", "startsOn_input", "01-07-2032",
                "endsOn_input", "01-03-2032", "frequency_input", "MONTHLY", "weekOfMonth_input", "2",
                "weekday_input", "3", "startTime", "09:30", "durationMinutes_input", "90", "durationMinutes_hinput", "90"));
        crossed.put("place", "");
        crossed.put("videoLink", "");
        HttpResponse<String> refusedAgain = cofa.submit(page, "planForm", crossed, "create");
        assertThat(refusedAgain.body()).contains("El plan debe terminar después de empezar")
                .contains("Indique un lugar, un enlace de videollamada, o ambos.");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_plan WHERE table_id = ?", table)).isZero();

        Map<String, String> good = new java.util.HashMap<>(Map.of("label", "Segundo semestre 2032",
                "startsOn_input", "01-07-2032", "endsOn_input", "31-12-2032", "frequency_input", "MONTHLY",
                "weekOfMonth_input", "-1", "weekday_input", "2", "startTime", "15:00", "durationMinutes_input", "120",
                "durationMinutes_hinput", "120"));
        good.put("place", "");
        good.put("videoLink", "https://meet.example.cl/mesa");
        HttpResponse<String> created = cofa.submit(page, "planForm", good, "create");
        assertThat(created.body()).contains("Segundo semestre 2032").contains("https://meet.example.cl/mesa");
        assertThat(TestDatabase.values("SELECT to_char(starts_at AT TIME ZONE 'America/Santiago', 'YYYY-MM-DD HH24:MI')"
                + " FROM mgc_session WHERE table_id = ? ORDER BY starts_at", table)).containsExactly("2032-07-27 15:00",
                "2032-08-31 15:00", "2032-09-28 15:00", "2032-10-26 15:00", "2032-11-30 15:00", "2032-12-28 15:00");
    }

    @Test
    void aCoFacilitatorCreatesATableAndItsMembersOnTheTablesPageAndTheManagerOnlyReads() throws Exception {
        String tableName = MgcSessionFixture.unique("Mesa Territorio Norte");
        WebClient cofa = new WebClient(base);
        cofa.signIn(MgcSessionFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = cofa.get("mgc/tables.xhtml");
        HttpResponse<String> noName = cofa.submit(page, "tableForm", Map.of("name", "", "territory", ""), "save");
        assertThat(noName.body()).contains("Indique el nombre de la mesa.");
        HttpResponse<String> created = cofa.submit(page, "tableForm", Map.of("name", tableName, "territory", "Norte"), "save");
        assertThat(created.body()).contains("Mesa guardada.").contains(tableName);
        long table = ((Number) TestDatabase.value("SELECT id FROM mgc_table WHERE name = ?", tableName)).longValue();
        assertThat(created.uri().getQuery()).contains("table=" + table);

        HttpResponse<String> badMember = cofa.submit(created, "memberForm", Map.of("kind_input", "EVENTUAL",
                "institution", "PDI", "personName", "Inspector Prueba", "email", "no-es-correo", "userId_input", "",
                "programId_input", "", "joinedOn_input", "01-03-2026"), "saveMember");
        assertThat(badMember.body()).contains("Escriba un correo electrónico válido.");
        assertThat(TestDatabase.count("SELECT count(*) FROM mgc_member WHERE table_id = ?", table)).isZero();
        HttpResponse<String> member = cofa.submit(created, "memberForm", Map.of("kind_input", "EVENTUAL",
                "institution", "PDI", "personName", "Inspector Prueba", "email", "inspector.prueba@demo.cl",
                "userId_input", "", "programId_input", "", "joinedOn_input", "01-03-2026"), "saveMember");
        assertThat(member.body()).contains("Integrante guardado.").contains("Inspector Prueba").contains("Eventual");
        assertThat(TestDatabase.value("SELECT kind FROM mgc_member WHERE table_id = ?", table)).isEqualTo("EVENTUAL");

        WebClient manager = new WebClient(base);
        manager.signIn(MgcSessionFixture.MANAGER, TestSession.DEMO_PASSWORD);
        HttpResponse<String> read = manager.get("mgc/tables.xhtml?table=" + table);
        assertThat(read.body()).contains(tableName).contains("Inspector Prueba").contains("Comuna Mesa A")
                .doesNotContain("id=\"memberForm\"").doesNotContain("id=\"tableForm\"");
    }

    private static String rsvpOf(String email) {
        return (String) TestDatabase.value("SELECT p.rsvp FROM mgc_participant p JOIN mgc_member m ON m.id = p.member_id"
                + " WHERE m.email = ?", email);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow(() -> new AssertionError("no " + property)).getValue();
    }

    private static VEvent event(MimeMessage message, String method) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).endsWith(".ics");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(
                parts.getBodyPart(1).getInputStream().readAllBytes()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String body(MimeMessage message) throws Exception {
        // SMTP carries lines as CRLF
        return ((String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    private static MimeMessage waitForMail(String recipient, String subjectStart) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<MimeMessage> found = Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
                try {
                    return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient)
                            && m.getSubject().startsWith(subjectStart);
                } catch (MessagingException e) {
                    return false;
                }
            }).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No mail '" + subjectStart + "' to " + recipient);
    }
}
