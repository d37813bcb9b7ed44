package cl.redlocal.portal.it;

import cl.redlocal.portal.platform.mail.OutgoingMail;
import cl.redlocal.portal.platform.mail.Outbox;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox inside the portal: a mail exists exactly when the change that wrote it commits. */
@ExtendWith(ArquillianExtension.class)
class MailOutboxIT {

    @Inject
    Outbox outbox;

    @Resource
    UserTransaction transaction;

    @Test
    void aMailWrittenWithACommittedChangeIsDeliveredByTheSender() throws Exception {
        String subject = "Derivación recibida " + System.nanoTime();
        transaction.begin();
        outbox.enqueue(OutgoingMail.text(null, "profesional@demo.cl", subject, "Tiene una derivación nueva: ñandú."));
        transaction.commit();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (!"SENT".equals(TestDatabase.value("SELECT status FROM mail_outbox WHERE subject = ?", subject))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(TestDatabase.value("SELECT status FROM mail_outbox WHERE subject = ?", subject)).isEqualTo("SENT");
    }

    @Test
    void aMailWrittenWithAChangeThatRollsBackIsNeverWrittenNorSent() throws Exception {
        String subject = "Nunca " + System.nanoTime();
        transaction.begin();
        outbox.enqueue(OutgoingMail.text(null, "x@demo.cl", subject, "no"));
        transaction.rollback();
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject = ?", subject)).isZero();
    }

    @Test
    void theOutboxIsOnlyWrittenInsideTheChangeThatCausesIt() {
        assertThatThrownBy(() -> outbox.enqueue(OutgoingMail.text(null, "x@demo.cl", "sin transacción", "no")))
                .isInstanceOf(TransactionalException.class);
    }
}
