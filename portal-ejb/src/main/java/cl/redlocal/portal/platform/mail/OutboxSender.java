package cl.redlocal.portal.platform.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MailSessionDefinition;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every few seconds, on every node, claims the due mails that no other node holds
 * (FOR UPDATE SKIP LOCKED, batches of 200, each over one connection and in its own transaction), sends them
 * and marks them sent. A failure leaves the mail waiting with a
 * growing pause (1, 2, 4 ... 60 minutes) and the reason; after portal.mail.max-attempts it is FAILED.
 * The mail server's address comes from MicroProfile Config (portal.mail.*).
 */
@MailSessionDefinition(
        name = OutboxSender.MAIL_SESSION,
        host = "${MPCONFIG=portal.mail.smtp.host}",
        from = "${MPCONFIG=portal.mail.from}",
        properties = {
                "mail.smtp.port=${MPCONFIG=portal.mail.smtp.port}",
                "mail.smtp.connectiontimeout=5000",
                "mail.smtp.timeout=10000",
                "mail.debug=false"
        })
@Singleton
public class OutboxSender {

    public static final String MAIL_SESSION = "java:app/mail/portal";
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 200;

    @Resource(lookup = MAIL_SESSION)
    Session mailSession;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.mail.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Resource
    jakarta.ejb.SessionContext context;

    /**
     * Every 10 s: batches of due mails, each in a transaction of its own, until none is left or the run has
     * taken 8 s, so a backlog (a mail-server outage, a burst of escalations) drains within a few runs.
     */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendDue() {
        OutboxSender self = context.getBusinessObject(OutboxSender.class);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(8);
        while (self.sendBatch() == BATCH && System.nanoTime() < until) {
            LOG.fine("outbox: another batch");
        }
    }

    /** One batch of due mails (claimed with SKIP LOCKED); returns how many it claimed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sendBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, recipient, subject, body_text, attachment_name,"
                        + " attachment_type, attachment, attempts FROM mail_outbox"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY id LIMIT " + BATCH
                        + " FOR UPDATE SKIP LOCKED")
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        // one connection for the whole batch: a backlog (a mail server outage, a burst of escalations) drains
        // in one run instead of one SMTP handshake per mail
        Transport transport = null;
        try {
            transport = mailSession.getTransport();
            transport.connect();
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "Mail server not reachable: " + e.getMessage());
            transport = null;
        }
        try {
            for (Object[] row : due) {
                send(transport, row);
            }
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.fine(() -> "closing the mail connection: " + e.getMessage());
                }
            }
        }
        return due.size();
    }

    private void send(Transport transport, Object[] row) {
        long id = ((Number) row[0]).longValue();
        int attempts = ((Number) row[7]).intValue() + 1;
        try {
            if (transport == null) {
                throw new MessagingException("no connection to the mail server");
            }
            Message message = message((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (byte[]) row[6]);
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
            em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', attempts = ?1, sent_at = now(),"
                    + " last_error = NULL WHERE id = ?2").setParameter(1, attempts).setParameter(2, id).executeUpdate();
        } catch (MessagingException | RuntimeException e) {
            boolean giveUp = attempts >= maxAttempts;
            String reason = String.valueOf(e.getMessage());
            em.createNativeQuery("UPDATE mail_outbox SET attempts = ?1, status = ?2, last_error = ?3,"
                            + " next_attempt_at = now() + make_interval(mins => ?4) WHERE id = ?5")
                    .setParameter(1, attempts).setParameter(2, giveUp ? "FAILED" : "PENDING")
                    .setParameter(3, reason.length() > 500 ? reason.substring(0, 500) : reason)
                    .setParameter(4, Math.min(60, 1 << Math.min(attempts - 1, 6))).setParameter(5, id)
                    .executeUpdate();
            LOG.warning(() -> "Mail " + id + " not sent (attempt " + attempts + "): " + reason);
        }
    }

    private Message message(String to, String subject, String text, String attachmentName, String attachmentType,
                            byte[] attachment) throws MessagingException {
        MimeMessage message = new MimeMessage(mailSession);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        if (attachment == null) {
            message.setText(text, StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment, attachmentType)));
            file.setFileName(attachmentName);
            message.setContent(new MimeMultipart(body, file));
        }
        return message;
    }
}
