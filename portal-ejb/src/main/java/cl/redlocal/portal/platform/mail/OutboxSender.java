package cl.redlocal.portal.platform.mail;

import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.Jobs;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.MailSessionDefinition;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Delivers the outbox, every 10 s on every node. Each mail is claimed (FOR UPDATE SKIP LOCKED, so no
 * other node takes it), sent and marked SENT in a transaction of its own, over one SMTP connection per
 * run: after a crash, at most the one mail in flight is sent again, and it carries the same Message-ID
 * ({@code <outbox-ID.CREATED@domain>}) so that a receiver can recognise the repeat.
 *
 * <p>When the mail server cannot be reached nothing is touched: the mails wait, the outage is shown to
 * the administrator ({@link MailServerWatch}) and the next run, 10 s later, tries again, so a backlog
 * leaves within seconds of the server's return whatever the outage lasted. A transient failure of one
 * mail (a 4xx, a dropped connection) pauses that mail 1, 2, 4 ... up to portal.mail.max-pause-minutes;
 * only a recipient refused for good is FAILED ({@link DeliveryFailure}), listed for the administrator
 * with its error, and retried when they ask. The mail server's address comes from MicroProfile Config
 * (portal.mail.*).
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
@Stateless
public class OutboxSender {

    public static final String MAIL_SESSION = "java:app/mail/portal";
    public static final JobSpec JOB = JobSpec.onEveryNode("outbox", new Cadence.Every(Duration.ofSeconds(10)));
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** What one claimed mail came to. */
    public enum Sent { NONE_DUE, SENT, FAILED_FOR_GOOD, RETRY_LATER }

    @Resource(lookup = MAIL_SESSION)
    Session mailSession;

    @PersistenceContext
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    MailServerWatch watch;

    @Inject
    @ConfigProperty(name = "portal.mail.max-pause-minutes", defaultValue = "15")
    int maxPauseMinutes;

    @Inject
    @ConfigProperty(name = "portal.mail.from")
    String from;

    @Resource
    SessionContext context;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @PermitAll
    public void scheduled() {
        jobs.run(JOB, this::sendDue);
    }

    /**
     * Sends due mails for up to 8 s, one transaction each, over one connection; a burst (escalations after
     * a rules run) or a backlog after an outage drains within a run or two.
     */
    void sendDue() {
        OutboxSender self = context.getBusinessObject(OutboxSender.class);
        if (!self.anyDue()) {
            return;
        }
        Transport transport;
        try {
            transport = mailSession.getTransport();
            transport.connect();
        } catch (MessagingException | RuntimeException e) {
            watch.unreachable(e);
            LOG.warning(() -> "Mail server not reachable; the outbox waits: " + e.getMessage());
            return;
        }
        watch.reached();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        try {
            Sent sent;
            do {
                sent = self.sendNext(transport);
            } while ((sent == Sent.SENT || sent == Sent.FAILED_FOR_GOOD) && System.nanoTime() < until);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "closing the mail connection: " + e.getMessage());
            }
        }
    }

    /**
     * Whether any mail is due, in a transaction of its own: the timeout method itself does no database work
     * outside a transaction, since the container closes such an EntityManager after the method has returned,
     * where a failure (the database away) would escape every catch and count as a failed delivery.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public boolean anyDue() {
        return !em.createNativeQuery("SELECT 1 FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()"
                + " LIMIT 1").getResultList().isEmpty();
    }

    /** Claims the next due mail, sends it and records the outcome, all in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @PermitAll
    public Sent sendNext(Transport transport) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, recipient, subject, body_text, attachment_name,"
                        + " attachment_type, attachment, attempts, created_at FROM mail_outbox"
                        + " WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 1"
                        + " FOR UPDATE SKIP LOCKED")
                .getResultList();
        if (due.isEmpty()) {
            return Sent.NONE_DUE;
        }
        Object[] row = due.get(0);
        long id = ((Number) row[0]).longValue();
        int attempts = ((Number) row[7]).intValue() + 1;
        try {
            Message message = message(messageId(id, row[8]), (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (byte[]) row[6]);
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            boolean permanent = DeliveryFailure.permanent(e);
            Duration pause = DeliveryFailure.pause(attempts, Duration.ofMinutes(maxPauseMinutes));
            em.createNativeQuery("UPDATE mail_outbox SET attempts = ?1, status = ?2, last_error = ?3,"
                            + " next_attempt_at = now() + make_interval(secs => ?4) WHERE id = ?5")
                    .setParameter(1, attempts).setParameter(2, permanent ? "FAILED" : "PENDING")
                    .setParameter(3, reason.length() > 500 ? reason.substring(0, 500) : reason)
                    .setParameter(4, (double) pause.toSeconds()).setParameter(5, id).executeUpdate();
            LOG.warning(() -> "Mail " + id + (permanent ? " refused for good: " : " not sent (attempt " + attempts
                    + "), tried again later: ") + reason);
            return permanent ? Sent.FAILED_FOR_GOOD : Sent.RETRY_LATER;
        }
        em.createNativeQuery("UPDATE mail_outbox SET status = 'SENT', attempts = ?1, sent_at = now(),"
                + " last_error = NULL WHERE id = ?2").setParameter(1, attempts).setParameter(2, id).executeUpdate();
        return Sent.SENT;
    }

    /** The same id at every try of the same mail, so that a receiver recognises a repeat. */
    String messageId(long id, Object createdAt) {
        Instant at = cl.redlocal.portal.platform.SqlValues.instant(createdAt);
        long created = at == null ? 0L : at.toEpochMilli();
        String domain = from == null || from.indexOf('@') < 0 ? "redlocal.invalid"
                : from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
        return "<outbox-" + id + "." + created + "@" + domain + ">";
    }

    private Message message(String messageId, String to, String subject, String text, String attachmentName,
                            String attachmentType, byte[] attachment) throws MessagingException {
        MimeMessage message = new MimeMessage(mailSession) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
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
