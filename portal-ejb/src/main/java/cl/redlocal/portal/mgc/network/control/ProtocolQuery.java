package cl.redlocal.portal.mgc.network.control;

import cl.redlocal.portal.mgc.network.boundary.BindingProtocol;
import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.mgc.network.boundary.ProtocolRow;
import cl.redlocal.portal.mgc.network.boundary.ProtocolView;
import cl.redlocal.portal.mgc.network.boundary.StepLine;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The protocols' SQL: lists, what binds a referral or a program, a session's protocols, versions and names. */
@Dependent
public class ProtocolQuery {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    /** The protocols of these comunas (a fixed number of statements: one). */
    public List<ProtocolRow> list(Set<Long> comunas) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT p.id, p.comuna_id, c.name, p.title, p.state, p.current_version, p.review_on,
                               sa.starts_at, sp.starts_at,
                               (SELECT string_agg(pr.acronym, ', ' ORDER BY pr.acronym) FROM net_protocol_program pp
                                  JOIN program pr ON pr.id = pp.program_id WHERE pp.protocol_id = p.id)
                        FROM net_protocol p JOIN comuna c ON c.id = p.comuna_id
                        LEFT JOIN mgc_session sa ON sa.id = p.agenda_session_id
                        LEFT JOIN mgc_session sp ON sp.id = p.approved_session_id
                        WHERE p.comuna_id = ANY (CAST(?1 AS BIGINT[]))
                        ORDER BY c.name, p.state, p.title, p.id""")
                .setParameter(1, MgcTenancy.array(comunas)).getResultList();
        LocalDate today = clock.today();
        return rows.stream().map(r -> {
            LocalDate review = SqlValues.localDate(r[6]);
            return new ProtocolRow(n(r[0]), n(r[1]), (String) r[2], (String) r[3], (String) r[4], (int) n(r[5]),
                    review, review != null && !review.isAfter(today), day(r[7]), day(r[8]), (String) r[9]);
        }).toList();
    }

    public List<Choice> programs(long protocolId) {
        return choices("SELECT pr.id, pr.acronym || ' · ' || pr.name FROM net_protocol_program pp JOIN program pr"
                + " ON pr.id = pp.program_id WHERE pp.protocol_id = ?1 ORDER BY pr.acronym", protocolId);
    }

    public List<Choice> actors(long protocolId) {
        return choices("SELECT a.id, a.name FROM net_protocol_actor pa JOIN net_actor a ON a.id = pa.actor_id"
                + " WHERE pa.protocol_id = ?1 ORDER BY a.name", protocolId);
    }

    /** The programs of a comuna (choices for a protocol's binding). */
    public List<Choice> comunaPrograms(long comunaId) {
        return choices("SELECT id, acronym || ' · ' || name FROM program WHERE comuna_id = ?1 ORDER BY acronym", comunaId);
    }

    public List<Choice> comunaActors(long comunaId) {
        return choices("SELECT id, name FROM net_actor WHERE comuna_id = ?1 ORDER BY name", comunaId);
    }

    /** How many of these ids are programs (or actors) of the comuna: a form may not bind another comuna's. */
    public long countOwn(String table, long comunaId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String sql = "program".equals(table) ? "SELECT count(*) FROM program WHERE comuna_id = ?1 AND id = ANY (CAST(?2 AS BIGINT[]))"
                : "SELECT count(*) FROM net_actor WHERE comuna_id = ?1 AND id = ANY (CAST(?2 AS BIGINT[]))";
        return n(em.createNativeQuery(sql).setParameter(1, comunaId).setParameter(2, MgcTenancy.array(Set.copyOf(ids)))
                .getSingleResult());
    }

    /** The target comuna's programs with the same acronyms as these (a copied protocol keeps its bindings). */
    public Set<Long> sameAcronyms(Collection<Long> programIds, long targetComuna) {
        if (programIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT t.id FROM program s JOIN program t ON upper(t.acronym) = upper(s.acronym)"
                        + " AND t.comuna_id = ?1 WHERE s.id = ANY (CAST(?2 AS BIGINT[]))")
                .setParameter(1, targetComuna).setParameter(2, MgcTenancy.array(Set.copyOf(programIds))).getResultList();
        Set<Long> result = new java.util.LinkedHashSet<>();
        ids.forEach(i -> result.add(n(i)));
        return result;
    }

    /** Approved protocols that bind both programs (a referral from one to the other). */
    public List<BindingProtocol> between(long fromProgramId, long toProgramId) {
        return binding("""
                SELECT p.id FROM net_protocol p
                WHERE p.state = 'APPROVED'
                  AND EXISTS (SELECT 1 FROM net_protocol_program a WHERE a.protocol_id = p.id AND a.program_id = ?1)
                  AND EXISTS (SELECT 1 FROM net_protocol_program b WHERE b.protocol_id = p.id AND b.program_id = ?2)""",
                fromProgramId, toProgramId);
    }

    /** Approved protocols that bind a program (its page). */
    public List<BindingProtocol> forProgram(long programId) {
        return binding("SELECT p.id FROM net_protocol p JOIN net_protocol_program pp ON pp.protocol_id = p.id"
                + " WHERE p.state = 'APPROVED' AND pp.program_id = ?1", programId);
    }

    private List<BindingProtocol> binding(String idsSql, long... parameters) {
        jakarta.persistence.Query query = em.createNativeQuery("SELECT p.id, p.title, p.current_version, s.position, s.responsible,"
                        + " s.action, s.deadline_value, s.deadline_unit FROM net_protocol p"
                        + " LEFT JOIN net_protocol_step s ON s.protocol_id = p.id WHERE p.id IN (" + idsSql + ")"
                        + " ORDER BY p.title, p.id, s.position");
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, BindingProtocol> byId = new LinkedHashMap<>();
        Map<Long, List<StepLine>> steps = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = n(r[0]);
            List<StepLine> list = steps.computeIfAbsent(id, k -> new ArrayList<>());
            byId.computeIfAbsent(id, k -> new BindingProtocol(id, (String) r[1], (int) n(r[2]), list));
            if (r[3] != null) {
                list.add(new StepLine((int) n(r[3]) + 1, (String) r[4], (String) r[5], (int) n(r[6]), (String) r[7]));
            }
        }
        return List.copyOf(byId.values());
    }

    /** Drafts on a session's agenda and protocols it approved. */
    public List<Choice> onAgendaOf(long sessionId) {
        return choices("SELECT id, title FROM net_protocol WHERE agenda_session_id = ?1 AND state = 'DRAFT'"
                + " ORDER BY title", sessionId);
    }

    public List<Choice> approvedIn(long sessionId) {
        return choices("SELECT id, title FROM net_protocol WHERE approved_session_id = ?1 ORDER BY title", sessionId);
    }

    public List<ProtocolView.VersionLine> versions(long protocolId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.number, v.reason, v.created_by, v.created_at, s.starts_at"
                        + " FROM net_protocol_version v LEFT JOIN mgc_session s ON s.id = v.session_id"
                        + " WHERE v.protocol_id = ?1 ORDER BY v.number DESC").setParameter(1, protocolId).getResultList();
        return rows.stream().map(r -> new ProtocolView.VersionLine((int) n(r[0]), (String) r[1], (String) r[2],
                SqlValues.instant(r[3]), day(r[4]))).toList();
    }

    /** One version: reason, author, time and the content's JSON. */
    public Optional<Object[]> version(long protocolId, int number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT reason, created_by, created_at, CAST(content AS TEXT)"
                        + " FROM net_protocol_version WHERE protocol_id = ?1 AND number = ?2")
                .setParameter(1, protocolId).setParameter(2, number).getResultList();
        return rows.stream().findFirst();
    }

    public void insertVersion(long protocolId, int number, String json, String reason, Long sessionId, String by) {
        em.createNativeQuery("INSERT INTO net_protocol_version (protocol_id, number, content, reason, session_id, created_by)"
                        + " VALUES (?1, ?2, CAST(?3 AS JSONB), ?4, CAST(?5 AS BIGINT), ?6)")
                .setParameter(1, protocolId).setParameter(2, number).setParameter(3, json).setParameter(4, reason)
                .setParameter(5, sessionId).setParameter(6, by).executeUpdate();
    }

    /** The state of a session's minutes (null when none were written yet). */
    public String minutesState(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT state FROM mgc_minutes WHERE session_id = ?1")
                .setParameter(1, sessionId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    public String comunaName(long comunaId) {
        return (String) em.createNativeQuery("SELECT name FROM comuna WHERE id = ?1").setParameter(1, comunaId)
                .getSingleResult();
    }

    public LocalDate sessionDay(Long sessionId) {
        if (sessionId == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT starts_at FROM mgc_session WHERE id = ?1")
                .setParameter(1, sessionId).getResultList();
        return rows.isEmpty() ? null : day(rows.get(0));
    }

    public boolean hasDocument(long protocolId) {
        return !em.createNativeQuery("SELECT 1 FROM net_protocol_document WHERE protocol_id = ?1")
                .setParameter(1, protocolId).getResultList().isEmpty();
    }

    public String documentName(long protocolId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT file_name FROM net_protocol_document WHERE protocol_id = ?1")
                .setParameter(1, protocolId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private List<Choice> choices(String sql, long parameter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.stream().map(r -> new Choice(n(r[0]), (String) r[1])).toList();
    }

    private LocalDate day(Object timestamp) {
        return timestamp == null ? null : clock.dayOf(SqlValues.instant(timestamp));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
