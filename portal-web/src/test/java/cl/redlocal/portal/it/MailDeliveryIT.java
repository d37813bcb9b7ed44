package cl.redlocal.portal.it;

import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a real SMTP server (GreenMail in the test JVM): mail arrives as written, and a
 * mail server outage loses nothing: the mail waits untouched and goes out within a tick of the server's return.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailDeliveryIT {

    @org.jboss.arquillian.test.api.ArquillianResource
    java.net.URL base;

    @Test
    void aMailArrivesAtTheMailServerAsItWasWritten() throws Exception {
        String subject = "Convocatoria sesión MGC " + System.nanoTime();
        enqueue(subject, "Estimada: la sesión será el jueves. Niñez, acción.");

        MimeMessage received = waitFor(() -> find(subject), Duration.ofSeconds(40));
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("cofacilitador@demo.cl");
        assertThat(((String) received.getContent()).trim()).isEqualTo("Estimada: la sesión será el jueves. Niñez, acción.");
        // marked sent when the sender's batch commits, a moment after the server has the mail
        assertThat(waitFor(() -> "SENT".equals(TestDatabase.value("SELECT status FROM mail_outbox WHERE subject = ?", subject))
                ? Optional.of(true) : Optional.empty(), Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void anAttachmentTravelsWithItsNameAndType() throws Exception {
        String subject = "Invitación " + System.nanoTime();
        TestDatabase.update("INSERT INTO mail_outbox (recipient, subject, body_text, attachment_name, attachment_type,"
                + " attachment) VALUES ('cofacilitador@demo.cl', ?, 'Adjunto la invitación.', 'sesion.ics',"
                + " 'text/calendar; charset=UTF-8', convert_to('BEGIN:VCALENDAR', 'UTF8'))", subject);

        MimeMessage received = waitFor(() -> find(subject), Duration.ofSeconds(40));
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(((String) parts.getBodyPart(0).getContent()).trim()).isEqualTo("Adjunto la invitación.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("sesion.ics");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar");
        assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("BEGIN:VCALENDAR");
    }

    @Test
    void aMailServerOutageLeavesTheMailWaitingUntouchedAndItLeavesSoonAfterTheServerReturns() throws Exception {
        String subject = "Durante la caída " + System.nanoTime();
        TestMailServer.stop();
        try {
            enqueue(subject, "Debe llegar igual.");
            Thread.sleep(25_000); // two tries of the sender at least
            // an outage is not the mail's fault: not failed, not pushed back, however long it lasts
            assertThat(TestDatabase.value("SELECT status || '/' || attempts FROM mail_outbox WHERE subject = ?", subject))
                    .isEqualTo("PENDING/0");
            assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject = ? AND next_attempt_at <= now()",
                    subject)).isEqualTo(1);
            // and the administrator sees the outage
            WebClient admin = new WebClient(base);
            admin.signIn("admin", TestSession.DEMO_PASSWORD);
            assertThat(admin.get("admin/operations.xhtml").body()).contains("El servidor de correo no responde desde");
        } finally {
            TestMailServer.start();
        }
        Instant back = Instant.now();
        MimeMessage received = waitFor(() -> find(subject), Duration.ofSeconds(25));
        assertThat(Duration.between(back, Instant.now())).isLessThan(Duration.ofSeconds(25));
        assertThat(((String) received.getContent()).trim()).isEqualTo("Debe llegar igual.");
        long id = TestDatabase.count("SELECT id FROM mail_outbox WHERE subject = ?", subject);
        assertThat(received.getMessageID()).startsWith("<outbox-" + id + ".");
        // marked sent when its transaction commits, a moment after the server has the mail
        assertThat(waitFor(() -> "SENT".equals(TestDatabase.value("SELECT status FROM mail_outbox WHERE subject = ?", subject))
                ? Optional.of(true) : Optional.empty(), Duration.ofSeconds(20))).isTrue();
    }

    private static void enqueue(String subject, String text) throws Exception {
        // what a feature's transaction writes (Outbox.enqueue); MailOutboxIT proves that part in the portal
        TestDatabase.update("INSERT INTO mail_outbox (recipient, subject, body_text) VALUES ('cofacilitador@demo.cl', ?, ?)",
                subject, text);
    }

    private static Optional<MimeMessage> find(String subject) {
        return Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst();
    }

    private static <T> T waitFor(Supplier<Optional<T>> check, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = check.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Nothing arrived within " + limit);
    }
}
