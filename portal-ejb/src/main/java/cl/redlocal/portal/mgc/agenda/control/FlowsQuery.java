package cl.redlocal.portal.mgc.agenda.control;

import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the flows block from the data, never from copies: one native query per figure group (referrals,
 * admissions, waiting lists), each grouped by program, so the cost does not grow with the programs. They read
 * the domain facts (fact_referral's answer, fact_stay, fact_waiting; docs/facts.md).
 * <ul>
 * <li>sent: referrals to the program sent in [from, to);</li>
 * <li>accepted / rejected: referrals answered in [from, to) now ADMITTED, WAITING, ACCEPTED or CLOSED (a
 *     CLOSED referral left the waiting list, so it was accepted) / REJECTED;</li>
 * <li>overdue: referrals sent before the session and still unanswered at it, whose due day is before the
 *     session's day;</li>
 * <li>admissions: case_involvement started in [from day, to day);</li>
 * <li>waiting: entries in the list at {@code to} (entered before, not exited), the oldest wait in calendar days at the session's day, and
 *     the length at {@code to} minus the length at {@code from} (waiting_entry keeps entered/exited times).</li>
 * </ul>
 */
@Dependent
public class FlowsQuery {

    public static final int DEFAULT_DAYS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    public FlowsBlock compute(SessionRef session) {
        Object[] previous = previousHeld(session);
        Instant to = session.startsAt();
        Instant from = previous == null ? to.minus(Duration.ofDays(DEFAULT_DAYS)) : SqlValues.instant(previous[1]);
        Long previousId = previous == null ? null : ((Number) previous[0]).longValue();
        return new FlowsBlock(from, to, previousId, lines(session.comunaId(), from, to));
    }

    private Object[] previousHeld(SessionRef session) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, starts_at FROM mgc_session WHERE table_id = ?1"
                        + " AND state = 'HELD' AND starts_at < ?2 AND id <> ?3 ORDER BY starts_at DESC LIMIT 1")
                .setParameter(1, session.tableId()).setParameter(2, Timestamp.from(session.startsAt()))
                .setParameter(3, session.id()).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The lines for a comuna and period (public for the record page and the tests). */
    public List<FlowLine> lines(long comunaId, Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        LocalDate fromDay = clock.dayOf(from);
        LocalDate toDay = clock.dayOf(to);
        Map<Long, long[]> figures = new TreeMap<>();
        Map<Long, String> acronyms = new TreeMap<>();
        Map<Long, Integer> oldest = new TreeMap<>();

        @SuppressWarnings("unchecked")
        List<Object[]> referrals = em.createNativeQuery("""
                        SELECT p.id, p.acronym,
                               count(*) FILTER (WHERE r.sent_at >= ?2 AND r.sent_at < ?3),
                               count(*) FILTER (WHERE r.answered_at >= ?2 AND r.answered_at < ?3 AND r.answer = 'ACCEPTED'),
                               count(*) FILTER (WHERE r.answered_at >= ?2 AND r.answered_at < ?3 AND r.answer = 'REJECTED'),
                               count(*) FILTER (WHERE r.sent_at < ?3 AND r.due_on < ?4
                                                AND r.answer IS DISTINCT FROM 'WITHDRAWN'
                                                AND (r.answered_at IS NULL OR r.answered_at >= ?3))
                        FROM fact_referral r JOIN program p ON p.id = r.to_program_id
                        WHERE r.comuna_id = ?1 AND r.sent_at < ?3 AND (r.sent_at >= ?2 OR r.answered_at >= ?2
                              OR r.answered_at IS NULL)
                        GROUP BY p.id, p.acronym""")
                .setParameter(1, comunaId).setParameter(2, f).setParameter(3, t)
                .setParameter(4, java.sql.Date.valueOf(toDay)).getResultList();
        for (Object[] r : referrals) {
            long[] v = line(figures, acronyms, r);
            v[0] = n(r[2]);
            v[1] = n(r[3]);
            v[2] = n(r[4]);
            v[3] = n(r[5]);
        }

        @SuppressWarnings("unchecked")
        List<Object[]> admissions = em.createNativeQuery("""
                        SELECT p.id, p.acronym, count(*)
                        FROM fact_stay i JOIN program p ON p.id = i.program_id
                        WHERE i.comuna_id = ?1 AND i.started_on >= ?2 AND i.started_on < ?3
                        GROUP BY p.id, p.acronym""")
                .setParameter(1, comunaId).setParameter(2, java.sql.Date.valueOf(fromDay))
                .setParameter(3, java.sql.Date.valueOf(toDay)).getResultList();
        for (Object[] r : admissions) {
            line(figures, acronyms, r)[4] = n(r[2]);
        }

        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("""
                        SELECT p.id, p.acronym,
                               count(*) FILTER (WHERE w.entered_at < ?3 AND (w.exited_at IS NULL OR w.exited_at >= ?3)),
                               max(CAST(?4 AS DATE) - w.entered_on)
                                   FILTER (WHERE w.entered_at < ?3 AND (w.exited_at IS NULL OR w.exited_at >= ?3)),
                               count(*) FILTER (WHERE w.entered_at < ?2 AND (w.exited_at IS NULL OR w.exited_at >= ?2))
                        FROM fact_waiting w JOIN program p ON p.id = w.program_id
                        WHERE w.comuna_id = ?1 AND w.entered_at < ?3 AND (w.exited_at IS NULL OR w.exited_at >= ?2)
                        GROUP BY p.id, p.acronym""")
                .setParameter(1, comunaId).setParameter(2, f).setParameter(3, t)
                .setParameter(4, java.sql.Date.valueOf(toDay)).getResultList();
        for (Object[] r : waiting) {
            long[] v = line(figures, acronyms, r);
            v[5] = n(r[2]);
            v[6] = n(r[2]) - n(r[4]);
            if (r[3] != null) {
                oldest.put(((Number) r[0]).longValue(), ((Number) r[3]).intValue());
            }
        }
        return figures.entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(x -> x != 0))
                .map(e -> {
                    long[] v = e.getValue();
                    return new FlowLine(e.getKey(), acronyms.get(e.getKey()), v[0], v[1], v[2], v[3], v[4], v[5],
                            oldest.get(e.getKey()), v[6]);
                })
                .sorted(java.util.Comparator.comparing(FlowLine::acronym))
                .toList();
    }

    private static long[] line(Map<Long, long[]> figures, Map<Long, String> acronyms, Object[] r) {
        long id = ((Number) r[0]).longValue();
        acronyms.put(id, (String) r[1]);
        return figures.computeIfAbsent(id, k -> new long[7]);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
