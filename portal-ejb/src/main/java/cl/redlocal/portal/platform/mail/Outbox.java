package cl.redlocal.portal.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Where features hand over mail: the row is written in the caller's transaction (MANDATORY), so a
 * change that rolls back sends nothing, and a change that commits cannot lose its mail.
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
}
