package cl.redlocal.portal.it;

import cl.redlocal.portal.devtools.TestDatabaseListener;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox when things break: the database going away in the middle of a burst repeats at most the one
 * mail in flight (each mail is recorded as sent in its own transaction) and the rest follow once it is
 * back; a recipient the mail server refuses for good is FAILED, shown to the administrator with its reason
 * and put back in line when they retry it (audited).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboxFaultsIT {

    private static final int BURST = 400;

    @ArquillianResource
    URL base;

    @Test
    void theDatabaseGoingAwayMidBurstRepeatsAtMostTheMailInFlight() throws Exception {
        String tag = "Ráfaga " + System.nanoTime();
        TestDatabase.update("INSERT INTO mail_outbox (recipient, subject, body_text)"
                + " SELECT 'rafaga@demo.cl', ? || ' #' || n, 'Correo ' || n FROM generate_series(1, ?) n", tag, BURST);

        waitUntil(() -> received(tag).size() >= 40, Duration.ofSeconds(60), "the burst started");
        TestDatabaseListener.database().close();
        int beforeOutage = received(tag).size();
        Thread.sleep(25_000); // longer than two ticks of the sender
        TestDatabaseListener.restart();
        Instant restarted = Instant.now();
        int atRestart = received(tag).size();
        waitUntil(() -> received(tag).size() > atRestart, Duration.ofSeconds(60), "mail flows again");
        long recovery = Duration.between(restarted, Instant.now()).toMillis();

        waitUntil(() -> distinctSubjects(tag) == BURST, Duration.ofSeconds(90), "every mail of the burst arrived");
        waitUntil(() -> TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject LIKE ? AND status = 'SENT'",
                tag + " #%") == BURST, Duration.ofSeconds(30), "every mail recorded as sent");
        List<MimeMessage> all = received(tag);
        assertThat(beforeOutage).as("the outage began mid-burst").isLessThan(BURST);
        assertThat(all.size() - BURST).as("mails that arrived twice").isLessThanOrEqualTo(1);
        // a repeat carries the Message-ID of the first delivery, so the receiver can tell
        Map<String, Long> byId = all.stream().collect(Collectors.groupingBy(OutboxFaultsIT::messageId, Collectors.counting()));
        assertThat(byId).hasSize(BURST);
        assertThat(byId.keySet()).allMatch(id -> id.matches("<outbox-\\d+\\.\\d+@[^>]+>"));
        System.out.println("[reliability] burst of " + BURST + ": " + beforeOutage + " delivered before a 25 s database outage, "
                + (all.size() - BURST) + " delivered twice, mail flowing again " + recovery + " ms after the restart");
    }

    @Test
    void aRecipientRefusedForGoodIsFailedShownToTheAdministratorAndRetriedOnRequest() throws Exception {
        String subject = "Destinatario imposible " + System.nanoTime();
        long comuna = TestDatabase.count("SELECT id FROM comuna WHERE name = 'Comuna Demo'");
        TestDatabase.update("INSERT INTO mail_outbox (comuna_id, recipient, subject, body_text)"
                + " VALUES (?, 'persona sin arroba', ?, 'No puede salir')", comuna, subject);
        waitUntil(() -> "FAILED".equals(TestDatabase.value("SELECT status FROM mail_outbox WHERE subject = ?", subject)),
                Duration.ofSeconds(40), "the mail refused for good");
        assertThat((String) TestDatabase.value("SELECT last_error FROM mail_outbox WHERE subject = ?", subject)).isNotBlank();

        WebClient admin = new WebClient(base);
        admin.signIn("admin", TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = admin.get("admin/operations.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Correos rechazados por el servidor").contains(subject)
                .contains("persona sin arroba").contains("Envío del correo saliente");
        // another comuna's administrator does not see it
        WebClient vecina = new WebClient(base);
        vecina.signIn("admin.vecina", TestSession.DEMO_PASSWORD);
        assertThat(vecina.get("admin/operations.xhtml").body()).doesNotContain(subject);

        HttpResponse<String> after = admin.submit(page, "operations", Map.of(), "retryAll");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = 'admin'"
                + " AND entity_type = 'MAIL_OUTBOX' AND outcome = 'SUCCESS'")).isGreaterThanOrEqualTo(1);
        // back in line, tried again, and refused again for the same reason
        waitUntil(() -> TestDatabase.count("SELECT attempts FROM mail_outbox WHERE subject = ?", subject) >= 2,
                Duration.ofSeconds(40), "the retried mail tried again");
        waitUntil(() -> "FAILED".equals(TestDatabase.value("SELECT status FROM mail_outbox WHERE subject = ?", subject)),
                Duration.ofSeconds(20), "refused again");
        assertThat(new WebClient(base).get("admin/operations.xhtml").uri().getPath())
                .as("not for anonymous visitors").endsWith("/login.xhtml");
    }

    private static List<MimeMessage> received(String tag) {
        return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> subject(m).startsWith(tag)).toList();
    }

    private static long distinctSubjects(String tag) {
        return received(tag).stream().map(OutboxFaultsIT::subject).distinct().count();
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Not within " + limit + ": " + what);
    }
}
