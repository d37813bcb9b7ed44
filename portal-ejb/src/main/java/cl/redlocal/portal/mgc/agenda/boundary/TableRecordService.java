package cl.redlocal.portal.mgc.agenda.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The table's record for the coordinator, the co-facilitators and the territorial manager (the comunas they
 * support): four grouped queries per period, counts only (no case is named).
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.GESTOR_TERRITORIAL})
public class TableRecordService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    /** The tables the caller may read, with their comuna. */
    public List<TableRecord.TableChoice> tables() {
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.id, t.name, c.name FROM mgc_table t JOIN comuna c"
                        + " ON c.id = t.comuna_id WHERE t.comuna_id = ANY (CAST(?1 AS BIGINT[])) ORDER BY c.name, t.name")
                .setParameter(1, comunas(me)).getResultList();
        return rows.stream().map(r -> new TableRecord.TableChoice(((Number) r[0]).longValue(),
                r[1] + " · " + r[2])).toList();
    }

    public Optional<TableRecord> record(long tableId, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessException("mgc.record.period.invalid");
        }
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> table = em.createNativeQuery("SELECT t.id, t.name, c.name, t.comuna_id FROM mgc_table t JOIN comuna c"
                + " ON c.id = t.comuna_id WHERE t.id = ?1").setParameter(1, tableId).getResultList();
        if (table.isEmpty() || !allowed(me, ((Number) table.get(0)[3]).longValue())) {
            audit.denied("MGC_TABLE", tableId, table.isEmpty() ? "no existe" : "mesa de otra comuna");
            return Optional.empty();
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(clock.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.zone()).toInstant());

        @SuppressWarnings("unchecked")
        List<Object[]> sessions = em.createNativeQuery("""
                        SELECT s.id, s.starts_at, s.state,
                               (SELECT count(*) FROM fact_attendance p WHERE p.session_id = s.id AND p.is_present),
                               (SELECT count(*) FROM fact_attendance p WHERE p.session_id = s.id),
                               (SELECT count(*) FROM mgc_case_item ci WHERE ci.session_id = s.id AND ci.state = 'PICKED'),
                               (SELECT count(*) FROM mgc_agreement a WHERE a.session_id = s.id)
                        FROM mgc_session s WHERE s.table_id = ?1 AND s.starts_at >= ?2 AND s.starts_at < ?3
                        ORDER BY s.starts_at""")
                .setParameter(1, tableId).setParameter(2, start).setParameter(3, end).getResultList();

        @SuppressWarnings("unchecked")
        List<Object[]> attendance = em.createNativeQuery("""
                        SELECT p.institution,
                               count(*) FILTER (WHERE p.is_present),
                               count(*) FILTER (WHERE p.attendance = 'ABSENT'),
                               count(*) FILTER (WHERE p.attendance = 'EXCUSED')
                        FROM fact_attendance p JOIN fact_session s ON s.session_id = p.session_id
                        WHERE s.table_id = ?1 AND s.is_held AND s.starts_at >= ?2 AND s.starts_at < ?3
                        GROUP BY 1 ORDER BY 1""")
                .setParameter(1, tableId).setParameter(2, start).setParameter(3, end).getResultList();

        Object[] agreements = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE a.status = 'DONE'),
                               count(*) FILTER (WHERE a.done_on_time),
                               count(*) FILTER (WHERE a.is_open AND a.due_on < ?4),
                               count(*) FILTER (WHERE a.status = 'CANCELLED')
                        FROM fact_agreement a JOIN mgc_session s ON s.id = a.session_id
                        WHERE a.table_id = ?1 AND s.starts_at >= ?2 AND s.starts_at < ?3""")
                .setParameter(1, tableId).setParameter(2, start).setParameter(3, end)
                .setParameter(4, java.sql.Date.valueOf(clock.today())).getSingleResult();

        Object[] cases = (Object[]) em.createNativeQuery("""
                        SELECT count(*), count(*) FILTER (WHERE c.status = 'CLOSED'),
                               count(*) FILTER (WHERE c.status = 'OPEN'),
                               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM fact_alert v WHERE v.case_id = c.id
                                                              AND v.raised_at > x.first_at))
                        FROM (SELECT ci.case_id, min(s.starts_at) AS first_at FROM mgc_case_item ci
                              JOIN mgc_session s ON s.id = ci.session_id
                              WHERE s.table_id = ?1 AND s.state = 'HELD' AND ci.state = 'PICKED'
                                AND s.starts_at >= ?2 AND s.starts_at < ?3 GROUP BY ci.case_id) x
                        JOIN case_file c ON c.id = x.case_id""")
                .setParameter(1, tableId).setParameter(2, start).setParameter(3, end).getSingleResult();

        TableRecord record = new TableRecord(tableId, (String) table.get(0)[1], (String) table.get(0)[2], from, to,
                sessions.stream().map(r -> new TableRecord.SessionLine(n(r[0]), SqlValues.instant(r[1]), (String) r[2],
                        n(r[3]), n(r[4]), n(r[5]), n(r[6]))).toList(),
                attendance.stream().map(r -> new TableRecord.Attendance(r[0] == null ? "—" : (String) r[0], n(r[1]),
                        n(r[2]), n(r[3]))).toList(),
                new TableRecord.Agreements(n(agreements[0]), n(agreements[1]), n(agreements[2]), n(agreements[3]),
                        n(agreements[4])),
                new TableRecord.Cases(n(cases[0]), n(cases[1]), n(cases[2]), n(cases[3])));
        audit.record(AuditAction.READ, "MGC_RECORD", tableId, AuditOutcome.SUCCESS, from + ".." + to);
        return Optional.of(record);
    }

    public void recordExport(long tableId, String what) {
        audit.record(AuditAction.EXPORT, "MGC_RECORD", tableId, AuditOutcome.SUCCESS, what);
    }

    private static boolean allowed(CallerProfile me, long comuna) {
        return me.role() == Role.GESTOR_TERRITORIAL ? me.worksIn(comuna) : comuna == me.comunaId();
    }

    /** The comunas as a PostgreSQL array literal (what the driver binds as text and the query casts). */
    private static String comunas(CallerProfile me) {
        java.util.Collection<Long> ids = me.role() == Role.GESTOR_TERRITORIAL ? me.comunaIds() : List.of(me.comunaId());
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
