package cl.redlocal.portal.mgc.agenda.control;

import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaView;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The agenda's SQL: the session and its table, the open agreements of the table, the case items with the
 * child's name parts, the requests for the next session (alerts sent to the table), the comuna's next open
 * session, a case by its code. The boundary decides who may read what and audits it.
 */
@Dependent
public class AgendaQuery {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    /** The session with its table: id, table id, table name, comuna id, starts at, state (empty: none). */
    public List<Object[]> session(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, t.name, s.comuna_id, s.starts_at, s.state"
                        + " FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id WHERE s.id = ?1")
                .setParameter(1, sessionId).getResultList();
        return rows;
    }

    /** Open agreements of the table (agreed in other sessions), overdue when due before the session's day. */
    public List<AgendaView.Agreement> agreements(SessionRef session) {
        LocalDate day = clock.dayOf(session.startsAt());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.id, a.description, a.responsible_institution, a.responsible_name, a.due_on, a.status,
                               s.starts_at
                        FROM mgc_agreement a JOIN mgc_session s ON s.id = a.session_id
                        JOIN fact_agreement fa ON fa.agreement_id = a.id
                        WHERE a.table_id = ?1 AND a.comuna_id = ?2 AND fa.is_open
                          AND a.session_id <> ?3
                        ORDER BY a.due_on, a.id""")
                .setParameter(1, session.tableId()).setParameter(2, session.comunaId()).setParameter(3, session.id())
                .getResultList();
        return rows.stream().map(r -> {
            LocalDate due = SqlValues.localDate(r[4]);
            return new AgendaView.Agreement(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    due, (String) r[5], due.isBefore(day), clock.dayOf(SqlValues.instant(r[6])));
        }).toList();
    }

    /** The session's case items with code and name parts: id, version, case id, code, given names, surnames,
     * origin, state, reasons, proposed by. */
    public List<Object[]> caseRows(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT ci.id, ci.version, c.id, c.code, ch.given_names, ch.paternal_surname, ch.maternal_surname,
                               ci.origin, ci.state, ci.reasons, ci.proposed_by
                        FROM mgc_case_item ci JOIN case_file c ON c.id = ci.case_id JOIN child ch ON ch.id = c.child_id
                        WHERE ci.session_id = ?1 ORDER BY ci.state DESC, ci.position, ci.id""")
                .setParameter(1, sessionId).getResultList();
        return rows;
    }

    public List<AgendaView.PendingRequest> pending(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, c.id, c.code, ch.given_names, ch.paternal_surname, ch.maternal_surname, r.reason,
                               r.requested_by
                        FROM session_agenda_request r JOIN case_file c ON c.id = r.case_id JOIN child ch ON ch.id = c.child_id
                        WHERE r.comuna_id = ?1 AND r.session_id IS NULL ORDER BY r.requested_at, r.id""")
                .setParameter(1, comunaId).getResultList();
        return rows.stream().map(r -> new AgendaView.PendingRequest(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], Child.initialsOf((String) r[3], (String) r[4], (String) r[5]),
                (String) r[6], (String) r[7])).toList();
    }

    public String previousMinutesText(SessionRef session) {
        @SuppressWarnings("unchecked")
        List<Object> previous = em.createNativeQuery("SELECT starts_at FROM mgc_session WHERE table_id = ?1 AND state = 'HELD'"
                        + " AND starts_at < ?2 ORDER BY starts_at DESC LIMIT 1")
                .setParameter(1, session.tableId()).setParameter(2, Timestamp.from(session.startsAt())).getResultList();
        return previous.isEmpty() ? "Primera sesión de la mesa: no hay acta anterior."
                : "Acta de la sesión del " + clock.dayOf(SqlValues.instant(previous.get(0)))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ".";
    }

    /** The comuna's requests for the next session not yet taken up (id, case id, reason), locked. */
    public List<Object[]> openRequestsLocked(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> requests = em.createNativeQuery("SELECT id, case_id, reason FROM session_agenda_request"
                        + " WHERE comuna_id = ?1 AND session_id IS NULL ORDER BY requested_at, id FOR UPDATE")
                .setParameter(1, comunaId).getResultList();
        return requests;
    }

    /** The request is on this session's agenda now. */
    public void takenUp(long requestId, long sessionId) {
        em.createNativeQuery("UPDATE session_agenda_request SET session_id = ?1 WHERE id = ?2")
                .setParameter(1, sessionId).setParameter(2, requestId).executeUpdate();
    }

    /** How many agreements the minutes made on the agenda item. */
    public long agreementsOn(long itemId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM mgc_agreement WHERE agenda_item_id = ?1")
                .setParameter(1, itemId).getSingleResult()).longValue();
    }

    /** The comuna's case with this code (any case). */
    public Optional<Long> caseIdByCode(long comunaId, String code) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM case_file WHERE comuna_id = ?1 AND upper(code) = upper(?2)")
                .setParameter(1, comunaId).setParameter(2, code).getResultList();
        return ids.stream().findFirst().map(o -> ((Number) o).longValue());
    }

    /** The comuna's next open session (PLANNED or CONVENED) starting from {@code from}. */
    public Optional<Long> nextOpenSession(long comunaId, Instant from) {
        @SuppressWarnings("unchecked")
        List<Object> next = em.createNativeQuery("SELECT id FROM mgc_session WHERE comuna_id = ?1"
                        + " AND state IN ('PLANNED', 'CONVENED') AND starts_at >= ?2 ORDER BY starts_at, id LIMIT 1")
                .setParameter(1, comunaId).setParameter(2, Timestamp.from(from)).getResultList();
        return next.stream().findFirst().map(o -> ((Number) o).longValue());
    }
}
