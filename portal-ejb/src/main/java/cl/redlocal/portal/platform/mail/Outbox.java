package cl.redlocal.portal.platform.mail;

import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Where features hand over mail: the row is written in the caller's transaction (MANDATORY), so a
 * change that rolls back sends nothing, and a change that commits cannot lose its mail. Also what the
 * administrator sees of a comuna's outbox (what waits, since when, what failed and why) and the retry of
 * failed mails. The {@code mail_outbox} table is written here and by {@link OutboxSender} only.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutgoingMail mail) {
        em.createNativeQuery("INSERT INTO mail_outbox (comuna_id, recipient, subject, body_text, attachment_name,"
                        + " attachment_type, attachment) VALUES (CAST(?1 AS BIGINT), ?2, ?3, ?4, ?5, ?6, CAST(?7 AS BYTEA))")
                .setParameter(1, mail.comunaId()).setParameter(2, mail.recipient()).setParameter(3, mail.subject())
                .setParameter(4, mail.text()).setParameter(5, mail.attachmentName())
                .setParameter(6, mail.attachmentType()).setParameter(7, mail.attachment())
                .executeUpdate();
    }

    /** A comuna's outbox at a glance. */
    public record State(long pending, long due, Instant oldestDue, long failed, long sentLastDay)
            implements java.io.Serializable {
    }

    /** A mail the server refused for good, with why. */
    public record FailedMail(long id, String recipient, String subject, int attempts, String error, Instant createdAt,
                             Instant lastTriedAt) implements java.io.Serializable {
    }

    @Transactional
    public State state(long comunaId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE status = 'PENDING'),"
                        + " count(*) FILTER (WHERE status = 'PENDING' AND next_attempt_at <= now()),"
                        + " min(created_at) FILTER (WHERE status = 'PENDING' AND next_attempt_at <= now()),"
                        + " count(*) FILTER (WHERE status = 'FAILED'),"
                        + " count(*) FILTER (WHERE status = 'SENT' AND sent_at > now() - INTERVAL '1 day')"
                        + " FROM mail_outbox WHERE comuna_id = ?1 AND (status <> 'SENT' OR sent_at > now() - INTERVAL '1 day')")
                .setParameter(1, comunaId).getSingleResult();
        return new State(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), SqlValues.instant(row[2]),
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue());
    }

    @Transactional
    public List<FailedMail> failed(long comunaId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, recipient, subject, attempts, last_error, created_at,"
                        + " next_attempt_at FROM mail_outbox WHERE comuna_id = ?1 AND status = 'FAILED'"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?2")
                .setParameter(1, comunaId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new FailedMail(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], SqlValues.instant(r[5]), SqlValues.instant(r[6]))).toList();
    }

    /** Puts a comuna's failed mail (or all of them, {@code id} null) back in line at once; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retry(long comunaId, Long id) {
        return em.createNativeQuery("UPDATE mail_outbox SET status = 'PENDING', next_attempt_at = now()"
                        // both uses cast: EclipseLink binds a null Long as VARCHAR, and bigint = varchar fails
                        + " WHERE comuna_id = ?1 AND status = 'FAILED' AND (CAST(?2 AS BIGINT) IS NULL OR id = CAST(?2 AS BIGINT))")
                .setParameter(1, comunaId).setParameter(2, id).executeUpdate();
    }

}
