package cl.redlocal.portal.facts;

import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.List;

/**
 * The one definition of a re-entry (reingreso) and its two windows, for every reader: the case page,
 * the waiting priority, follow-up and the RE_ENTRY alert rule. A re-entry is an episode of a child
 * after the child's first ({@code fact_episode.is_reentry}), at the episode's start day.
 * <ul>
 * <li>"re-entries in the last 5 years" (priority, case page, alert rule): re-entry episodes that
 *     started on or after {@code asOf - 5 years} and not after {@code asOf};</li>
 * <li>"re-entry within 24 months of an exit" (follow-up, the purpose indicator): a re-entry episode that
 *     started before the previous episode's end + 24 months.</li>
 * </ul>
 */
@Dependent
public class Reentries {

    /** The window of the re-entry count the priority, the case page and the alert rule show. */
    public static final int WINDOW_YEARS = 5;

    /** The window after an exit within which a new episode counts as an early re-entry. */
    public static final int AFTER_EXIT_MONTHS = 24;

    @PersistenceContext
    EntityManager em;

    /**
     * SQL for the number of re-entries in the 5 years up to a day, of the child the expression
     * {@code childId} names (a column or a parameter), as of the expression {@code asOf} (a DATE).
     */
    public static String countInWindowSql(String childId, String asOf) {
        return "(SELECT count(*) FROM fact_episode fe WHERE fe.child_id = " + childId + " AND fe.is_reentry"
                + " AND fe.started_on >= CAST(" + asOf + " AS DATE) - INTERVAL '" + WINDOW_YEARS + " years'"
                + " AND fe.started_on <= CAST(" + asOf + " AS DATE))";
    }

    /** SQL condition on a {@code fact_episode} alias: the episode is a re-entry within 24 months of an exit. */
    public static String withinMonthsOfExitSql(String episodeAlias) {
        return episodeAlias + ".is_reentry AND " + episodeAlias + ".started_on < " + episodeAlias
                + ".previous_ended_on + INTERVAL '" + AFTER_EXIT_MONTHS + " months'";
    }

    /** The child's re-entries in the 5 years up to {@code asOf}. */
    public int countInWindow(long childId, LocalDate asOf) {
        Number n = (Number) em.createNativeQuery("SELECT " + countInWindowSql("?1", "?2"))
                .setParameter(1, childId).setParameter(2, asOf).getSingleResult();
        return n.intValue();
    }

    /** The child's episodes in start order. */
    public List<Episode> episodes(long childId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT episode_no, started_on, ended_on, previous_ended_on,"
                        + " is_reentry, stay_count, goals_achieved FROM fact_episode WHERE child_id = ?1 ORDER BY episode_no")
                .setParameter(1, childId).getResultList();
        return rows.stream().map(r -> new Episode(((Number) r[0]).intValue(), SqlValues.localDate(r[1]),
                SqlValues.localDate(r[2]), SqlValues.localDate(r[3]), (Boolean) r[4], ((Number) r[5]).intValue(),
                (String) r[6])).toList();
    }

    /** One episode of a child as {@code fact_episode} defines it. */
    public record Episode(int number, LocalDate startedOn, LocalDate endedOn, LocalDate previousEndedOn,
            boolean reentry, int stays, String goalsAchieved) {
    }
}
