package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.minutes.boundary.MinutesService;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesView;
import cl.redlocal.portal.web.mgc.MinutesPdf;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minutes by e-mail: written to the outbox for every member active on the session's day, with the PDF
 * attached (in the portal), and received by the real SMTP test server (from the client, where it runs).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MinutesMailIT {

    static final String TABLE_TAG = "correo";

    @Inject
    MinutesService minutes;

    @Test
    @Order(1)
    void theMinutesGoToEveryActiveMemberThroughTheOutbox() {
        MinutesFixture.ensure();
        TestSession.signIn(MinutesFixture.COFACILITATOR);
        String tag = TABLE_TAG + System.nanoTime();
        long s = MinutesFixture.session(MinutesFixture.table(tag), LocalDate.now(MinutesFixture.ZONE));
        minutes.minutes(s).orElseThrow();
        MinutesView view = minutes.export(s, "PDF").orElseThrow();
        byte[] pdf = new MinutesPdf(key -> Messages.text(Locale.forLanguageTag("es-CL"), key)).write(view);

        int sent = minutes.mail(s, pdf, "acta.pdf");

        assertThat(sent).as("three permanent and one eventual member; not the one who left").isEqualTo(4);
        List<Object> recipients = TestDatabase.values("SELECT recipient FROM mail_outbox WHERE subject LIKE ?"
                + " ORDER BY recipient", "%Mesa " + tag + " %");
        assertThat(recipients).containsExactly("cabo." + tag + "@actas.cl", "opd." + tag + "@actas.cl",
                "ppf." + tag + "@actas.cl", "salud." + tag + "@actas.cl");
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject LIKE ? AND attachment_name ="
                + " 'acta.pdf' AND attachment_type = 'application/pdf' AND length(attachment) > 500", "%Mesa " + tag + " %"))
                .isEqualTo(4);
    }

    @Test
    @Order(2)
    @RunAsClient
    void theMailWithThePdfArrivesAtTheMailServer() throws Exception {
        String recipient = (String) TestDatabase.value("SELECT recipient FROM mail_outbox WHERE recipient LIKE 'opd."
                + TABLE_TAG + "%@actas.cl' ORDER BY id DESC LIMIT 1");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        MimeMessage received = null;
        while (received == null && Instant.now().isBefore(deadline)) {
            received = Arrays.stream(TestMailServer.server().getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(recipient);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
            if (received == null) {
                Thread.sleep(500);
            }
        }
        assertThat(received).as("arrived within 40 s").isNotNull();
        // the minutes mailed here are still a draft: the subject says so first (issue 16)
        assertThat(received.getSubject()).startsWith("BORRADOR · Acta de la Mesa " + TABLE_TAG);
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("acta.pdf");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
        byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
