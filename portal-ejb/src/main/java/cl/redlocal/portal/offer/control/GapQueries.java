package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.GapRow;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The gap catalogue in one statement: program, sector and comuna lines come from one pass over the
 * programs and their waiting referrals (GROUPING SETS), so the three levels always add up.
 */
@ApplicationScoped
public class GapQueries {

    /** GROUPING(sector, id): 0 a program's line, 1 a sector's, 3 the comuna's. */
    static final int PROGRAM = 0;
    static final int SECTOR = 1;

    /*
     * One line per open waiting-list entry (or one line for a program nobody waits for). A program's
     * slots and occupancy are repeated on each of its lines, so they are summed from its first line
     * only. Waits count whole calendar days in the portal's time zone since the entry joined the list
     * (the open waits of fact_waiting, docs/facts.md; OfferQueries.WAITING counts the same entries).
     */
    private static final String SQL = """
            WITH waits AS (
                SELECT w.program_id,
                       CAST(?1 AS DATE) - w.entered_on AS days
                FROM fact_waiting w
                WHERE w.is_open
            ), lines AS (
                SELECT p.id, p.acronym, p.name, p.sector, p.status, p.slots, p.occupied, w.days,
                       row_number() OVER (PARTITION BY p.id) = 1 AS first_of_program
                FROM program p LEFT JOIN waits w ON w.program_id = p.id
                WHERE p.comuna_id = ?2 AND p.status <> 'CLOSED'
            )
            SELECT GROUPING(sector, id), sector, id, acronym, name, status,
                   coalesce(sum(slots) FILTER (WHERE first_of_program), 0),
                   coalesce(sum(occupied) FILTER (WHERE first_of_program), 0),
                   count(days), max(days), percentile_cont(0.5) WITHIN GROUP (ORDER BY days)
            FROM lines
            GROUP BY GROUPING SETS ((sector, id, acronym, name, status), (sector), ())
            ORDER BY 1, sector, acronym
            """;

    @PersistenceContext
    EntityManager em;

    /** The lines of a comuna as of a day: programs (by sector and acronym), then sectors, then the total. */
    public Lines lines(long comunaId, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL)
                .setParameter(1, java.sql.Date.valueOf(today))
                .setParameter(2, comunaId)
                .getResultList();
        List<GapRow> programs = rows.stream().filter(r -> level(r) == PROGRAM).map(GapQueries::toRow).toList();
        List<GapRow> sectors = rows.stream().filter(r -> level(r) == SECTOR).map(GapQueries::toRow).toList();
        GapRow total = rows.stream().filter(r -> level(r) > SECTOR).map(GapQueries::toRow).findFirst()
                .orElseGet(GapRow::empty);
        return new Lines(programs, sectors, total);
    }

    public record Lines(List<GapRow> programs, List<GapRow> sectors, GapRow total) {
    }

    private static int level(Object[] r) {
        return ((Number) r[0]).intValue();
    }

    private static GapRow toRow(Object[] r) {
        return GapRow.of(r[1] == null ? null : Sector.valueOf((String) r[1]),
                r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                r[5] == null ? null : ProgramStatus.valueOf((String) r[5]),
                ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), ((Number) r[8]).longValue(),
                r[9] == null ? null : ((Number) r[9]).intValue(),
                r[10] == null ? null : BigDecimal.valueOf(((Number) r[10]).doubleValue()).setScale(1, RoundingMode.HALF_UP));
    }
}
