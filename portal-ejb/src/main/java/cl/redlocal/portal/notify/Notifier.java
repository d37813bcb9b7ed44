package cl.redlocal.portal.notify;

import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.platform.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Tells the people a change concerns: one line in each recipient's portal inbox and the same news by
 * e-mail through the outbox, both written in the transaction of the change (MANDATORY), so a change
 * that rolls back tells nobody and a change that commits cannot lose its notice. Messages name a case
 * by its code and the child's initials only: an inbox or a mailbox is no place for a child's name.
 */
@ApplicationScoped
public class Notifier {

    private static final String ENABLED_USERS = "SELECT id, email FROM app_user WHERE comuna_id = ?1 AND enabled";

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    /** Every enabled professional of a program. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toProgram(long comunaId, long programId, Notice notice) {
        return send(comunaId, ENABLED_USERS + " AND role = 'PROFESIONAL' AND program_id = ?2", programId, notice);
    }

    /** Every enabled co-facilitator of the comuna (OPD and EDT). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toCofacilitators(long comunaId, Notice notice) {
        return send(comunaId, ENABLED_USERS + " AND role = 'COFACILITADOR' AND ?2 = ?2", 0L, notice);
    }

    /** Every enabled administrator of the comuna (break-glass reads, incidents). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toAdministrators(long comunaId, Notice notice) {
        return send(comunaId, ENABLED_USERS + " AND role = 'ADMIN' AND ?2 = ?2", 0L, notice);
    }

    /** Somebody outside the portal (an outside sender's address): e-mail only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toAddress(long comunaId, String email, Notice notice) {
        if (email != null && !email.isBlank()) {
            outbox.enqueue(OutgoingMail.text(comunaId, email.trim(), notice.subject(), notice.mailText()));
        }
    }

    private int send(long comunaId, String sql, long parameter, Notice notice) {
        @SuppressWarnings("unchecked")
        List<Object[]> users = em.createNativeQuery(sql).setParameter(1, comunaId).setParameter(2, parameter)
                .getResultList();
        for (Object[] user : users) {
            em.createNativeQuery("INSERT INTO notification (comuna_id, user_id, message, link) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, comunaId).setParameter(2, ((Number) user[0]).longValue())
                    .setParameter(3, notice.message()).setParameter(4, notice.link())
                    .executeUpdate();
            outbox.enqueue(OutgoingMail.text(comunaId, (String) user[1], notice.subject(), notice.mailText()));
        }
        return users.size();
    }

    /**
     * What to tell: a one-line message for the portal, a mail subject and text, and the portal page it
     * concerns (a path such as {@code /referrals/referral.xhtml?id=12}).
     */
    public record Notice(String message, String link, String subject, String mailText) {
        public Notice {
            if (message.length() > 500) {
                message = message.substring(0, 499) + "…";
            }
        }
    }
}
