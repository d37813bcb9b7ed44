package cl.redlocal.portal.mgc.network.control;

import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Sessions and tables of the table feature as the network needs them (read only; they belong to mgc.session). */
@Dependent
public class SessionLookup {

    @PersistenceContext
    EntityManager em;

    public Optional<SessionRef> session(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, t.name, s.comuna_id, s.starts_at, s.state"
                + " FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id WHERE s.id = ?1")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().findFirst().map(r -> new SessionRef(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue(), SqlValues.instant(r[4]),
                (String) r[5]));
    }

    /** The comuna's sessions that have not been cancelled, the newest first (choices for forms). */
    public List<SessionRef> sessions(long comunaId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, t.name, s.comuna_id, s.starts_at, s.state"
                        + " FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id WHERE s.comuna_id = ?1"
                        + " AND s.state <> 'CANCELLED' ORDER BY s.starts_at DESC, s.id DESC LIMIT ?2")
                .setParameter(1, comunaId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new SessionRef(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], ((Number) r[3]).longValue(), SqlValues.instant(r[4]), (String) r[5])).toList();
    }

    /** The comuna's active tables: id and name. */
    public List<Object[]> tables(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM mgc_table WHERE comuna_id = ?1 AND active"
                + " ORDER BY id").setParameter(1, comunaId).getResultList();
        return rows;
    }

    public Optional<Long> tableComuna(long tableId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT comuna_id FROM mgc_table WHERE id = ?1")
                .setParameter(1, tableId).getResultList();
        return rows.stream().findFirst().map(o -> ((Number) o).longValue());
    }

    /** A TOPICS or OTHER item of the session (where a training is recorded). */
    public boolean topicItemOf(long itemId, long sessionId) {
        return !em.createNativeQuery("SELECT 1 FROM mgc_agenda_item WHERE id = ?1 AND session_id = ?2"
                + " AND block IN ('TOPICS', 'OTHER')").setParameter(1, itemId).setParameter(2, sessionId)
                .getResultList().isEmpty();
    }
}
