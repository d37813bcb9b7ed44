package cl.redlocal.portal.mgc.minutes.control;

import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The minutes' SQL: the session with its table and comuna, the table's members, the minutes' row and its
 * versions, the previous session's draft, the sessions list. Writes only the minutes' own tables; the
 * boundary decides who may read and write and audits it.
 */
@Dependent
public class MinutesQuery {

    @PersistenceContext
    EntityManager em;

    /** Sessions of these comunas up to 45 days ahead, newest first: id, table, comuna, starts at, state,
     * minutes' state, minutes' current version. */
    public List<Object[]> sessionLines(String comunas, int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, t.name, co.name, s.starts_at, s.state, m.state,"
                        + " m.current_version FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id"
                        + " JOIN comuna co ON co.id = s.comuna_id LEFT JOIN mgc_minutes m ON m.session_id = s.id"
                        + " WHERE s.comuna_id = ANY (CAST(?1 AS BIGINT[])) AND s.state <> 'CANCELLED'"
                        + " AND s.starts_at < now() + INTERVAL '45 days' ORDER BY s.starts_at DESC LIMIT ?2")
                .setParameter(1, comunas).setParameter(2, max)
                .getResultList();
        return rows;
    }

    /** One version of a session's minutes: id, number, reason, created by, created at, content (JSON). */
    public List<Object[]> version(long sessionId, int number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.id, v.number, v.reason, v.created_by, v.created_at,"
                        + " CAST(v.content AS TEXT) FROM mgc_minutes_version v JOIN mgc_minutes m ON m.id = v.minutes_id"
                        + " WHERE m.session_id = ?1 AND v.number = ?2")
                .setParameter(1, sessionId).setParameter(2, number).getResultList();
        return rows;
    }

    /** The addresses of the table's members active on the day. */
    public List<Object> memberEmails(long tableId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object> emails = em.createNativeQuery("SELECT DISTINCT lower(email) FROM mgc_member WHERE table_id = ?1"
                        + " AND joined_on <= CAST(?2 AS DATE) AND (left_on IS NULL OR left_on >= CAST(?2 AS DATE))"
                        + " ORDER BY 1")
                .setParameter(1, tableId).setParameter(2, day).getResultList();
        return emails;
    }

    /** The state of the session's minutes (empty: none yet). */
    public List<?> minutesState(long sessionId) {
        return em.createNativeQuery("SELECT state FROM mgc_minutes WHERE session_id = ?1")
                .setParameter(1, sessionId).getResultList();
    }

    /** The session's minutes exist from the first write (a draft). */
    public void ensureDraft(long sessionId, String by) {
        em.createNativeQuery("INSERT INTO mgc_minutes (session_id, updated_by) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, sessionId).setParameter(2, by).executeUpdate();
    }

    public long participants(long sessionId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM mgc_participant WHERE session_id = ?1")
                .setParameter(1, sessionId).getSingleResult()).longValue();
    }

    /** The table's permanent members active on the day (ids). */
    public List<Object> permanentMembers(long tableId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object> members = em.createNativeQuery("SELECT id FROM mgc_member WHERE table_id = ?1 AND kind = 'PERMANENT'"
                        + " AND joined_on <= CAST(?2 AS DATE) AND (left_on IS NULL OR left_on >= CAST(?2 AS DATE))"
                        + " ORDER BY id")
                .setParameter(1, tableId).setParameter(2, day).getResultList();
        return members;
    }

    /** How many of these rows of {@code table} (one of the session's own tables) belong to another session. */
    public long ofOtherSessions(String table, long sessionId, List<Long> ids) {
        if (!java.util.Set.of("mgc_participant", "mgc_agenda_item", "mgc_case_item").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        Number others = (Number) em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE id = ANY (CAST(?1 AS BIGINT[]))"
                        + " AND session_id <> ?2")
                .setParameter(1, "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}")
                .setParameter(2, sessionId).getSingleResult();
        return others.longValue();
    }

    /** A version of the minutes: its content as approved or corrected, with the reason. */
    public void addVersion(long minutesId, int number, String json, String reason, String by) {
        em.createNativeQuery("INSERT INTO mgc_minutes_version (minutes_id, number, content, reason, created_by)"
                        + " VALUES (?1, ?2, CAST(?3 AS JSONB), ?4, ?5)")
                .setParameter(1, minutesId).setParameter(2, number)
                .setParameter(3, json).setParameter(4, reason)
                .setParameter(5, by).executeUpdate();
    }

    /** The previous session of the table when it was held and its minutes are a draft: id, starts at,
     * minutes id, minutes version. */
    public List<Object[]> previousDraft(long tableId, long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> prev = em.createNativeQuery("SELECT p.id, p.starts_at, m.id, m.version FROM mgc_session p"
                        + " JOIN mgc_minutes m ON m.session_id = p.id WHERE p.table_id = ?1 AND p.state = 'HELD'"
                        + " AND m.state = 'DRAFT' AND p.id = (SELECT q.id FROM mgc_session q WHERE q.table_id = ?1"
                        + " AND q.state <> 'CANCELLED' AND q.starts_at < (SELECT starts_at FROM mgc_session WHERE id = ?2)"
                        + " ORDER BY q.starts_at DESC LIMIT 1)")
                .setParameter(1, tableId).setParameter(2, sessionId).getResultList();
        return prev;
    }

    /** The minutes' versions: number, reason, created by, created at. */
    public List<Object[]> versions(long minutesId) {
        @SuppressWarnings("unchecked")
        List<Object[]> versions = em.createNativeQuery("SELECT number, reason, created_by,"
                        + " created_at FROM mgc_minutes_version WHERE minutes_id = ?1 ORDER BY number")
                .setParameter(1, minutesId).getResultList();
        return versions;
    }

    public Instant startsAt(long sessionId) {
        return SqlValues.instant(em.createNativeQuery("SELECT starts_at FROM mgc_session"
                + " WHERE id = ?1").setParameter(1, sessionId).getSingleResult());
    }

    /** The table's next session that is not cancelled (null: none). */
    public Long nextSession(long tableId, long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object> next = em.createNativeQuery("SELECT id FROM mgc_session WHERE table_id = ?1 AND state <> 'CANCELLED'"
                        + " AND starts_at > (SELECT starts_at FROM mgc_session WHERE id = ?2) ORDER BY starts_at LIMIT 1")
                .setParameter(1, tableId).setParameter(2, sessionId).getResultList();
        return next.isEmpty() ? null : ((Number) next.get(0)).longValue();
    }

    /** The session with its table and comuna: id, table id, comuna id, starts, ends, place, video link, state,
     * version, table name, comuna name. */
    public List<Object[]> session(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, s.comuna_id, s.starts_at, s.ends_at, s.place,"
                        + " s.video_link, s.state, s.version, t.name, co.name FROM mgc_session s"
                        + " JOIN mgc_table t ON t.id = s.table_id JOIN comuna co ON co.id = s.comuna_id WHERE s.id = ?1")
                .setParameter(1, sessionId).getResultList();
        return rows;
    }
}
