package cl.redlocal.portal.mgc.network.control;

import cl.redlocal.portal.mgc.network.boundary.TrainingRow;
import cl.redlocal.portal.mgc.network.boundary.TrainingYear;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The trainings' SQL: a comuna's list and its count per year (years in the portal's time zone). */
@Dependent
public class TrainingQuery {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    public List<TrainingRow> list(long comunaId) {
        return rows("tr.comuna_id", comunaId);
    }

    public List<TrainingRow> ofSession(long sessionId) {
        return rows("tr.session_id", sessionId);
    }

    /** {@code column}: a constant of this class, never input. */
    private List<TrainingRow> rows(String column, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT tr.id, tr.session_id, s.starts_at, t.name, tr.subject, tr.kind,"
                        + " tr.given_by, tr.attendees, tr.attendee_names FROM net_training tr"
                        + " JOIN mgc_session s ON s.id = tr.session_id JOIN mgc_table t ON t.id = tr.table_id"
                        + " WHERE " + column + " = ?1 ORDER BY s.starts_at DESC, tr.id DESC LIMIT 500")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new TrainingRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                clock.dayOf(SqlValues.instant(r[2])), (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                ((Number) r[7]).intValue(), (String) r[8])).toList();
    }

    public List<TrainingYear> perYear(long comunaId) {
        return perYear("tr.comuna_id", comunaId);
    }

    /** One table's trainings per year (its record page). */
    public List<TrainingYear> perYearOfTable(long tableId) {
        return perYear("tr.table_id", tableId);
    }

    /** {@code column}: a constant of this class (comuna or table), never input. */
    private List<TrainingYear> perYear(String column, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(extract(YEAR FROM s.starts_at AT TIME ZONE ?2) AS INTEGER),"
                        + " count(*), count(*) FILTER (WHERE tr.kind = 'GUEST'), coalesce(sum(tr.attendees), 0)"
                        + " FROM net_training tr JOIN mgc_session s ON s.id = tr.session_id WHERE " + column + " = ?1"
                        + " GROUP BY 1 ORDER BY 1")
                .setParameter(1, id).setParameter(2, clock.zone().getId()).getResultList();
        return rows.stream().map(r -> new TrainingYear(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }
}
