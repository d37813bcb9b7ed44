package cl.redlocal.portal.mgc.agenda.control;

import cl.redlocal.portal.privacy.control.Withheld;

import cl.redlocal.portal.cases.entity.Child;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Candidate cases for a session's analysis, in one query over the comuna's open cases:
 * <ul>
 * <li>complex: an open (not resolved) HIGH alert, or {@value #MANY_ALERTS} or more open alerts;</li>
 * <li>several programs at once: more active stays than portal.cases.max-programs (the case table's rule);</li>
 * <li>stalled: open plan actions overdue by more than N days, or a plan with open actions none of which
 *     changed in N days (portal.mgc.stalled-days);</li>
 * <li>a referral rejected more than once.</li>
 * </ul>
 * Cases already on the session's agenda are left out.
 */
@Dependent
public class SuggestionQuery {

    public static final int MANY_ALERTS = 3;

    @PersistenceContext
    EntityManager em;

    public List<Suggestion> suggest(long comunaId, long sessionId, LocalDate today, Instant now, int maxPrograms,
                                    int stalledDays) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT * FROM (
                          SELECT c.id, c.code, ch.given_names, ch.paternal_surname, ch.maternal_surname,
                            (SELECT count(*) FROM fact_alert a WHERE a.case_id = c.id AND a.is_open) AS open_alerts,
                            (SELECT count(*) FROM fact_alert a WHERE a.case_id = c.id AND a.is_open
                                AND a.severity = 'HIGH') AS high_alerts,
                            (SELECT count(DISTINCT i.program_id) FROM fact_stay i WHERE i.case_id = c.id
                                AND i.is_active) AS active_programs,
                            (SELECT count(*) FROM fact_plan_action pa
                                WHERE pa.case_id = c.id AND pa.is_open AND pa.due_on < ?3) AS overdue_actions,
                            (SELECT CASE WHEN count(*) FILTER (WHERE fa.is_open) > 0
                                    THEN max(pa.updated_at) END FROM fact_plan_action fa JOIN plan_action pa ON pa.id = fa.action_id
                                WHERE fa.case_id = c.id) AS last_change,
                            (SELECT count(*) FROM referral r WHERE r.case_id = c.id AND r.state = 'REJECTED') AS rejected
                          FROM case_file c JOIN child ch ON ch.id = c.child_id
                          WHERE c.comuna_id = ?1 AND c.status = 'OPEN' AND\s""" + Withheld.sql("c.child_id") + """
                            AND NOT EXISTS (SELECT 1 FROM mgc_case_item ci WHERE ci.session_id = ?2 AND ci.case_id = c.id)
                        ) s
                        WHERE high_alerts > 0 OR open_alerts >= ?5 OR active_programs > ?6 OR overdue_actions > 0
                           OR last_change < ?4 OR rejected > 1
                        ORDER BY high_alerts DESC, open_alerts DESC, active_programs DESC, code""")
                .setParameter(1, comunaId).setParameter(2, sessionId)
                .setParameter(3, java.sql.Date.valueOf(today.minusDays(stalledDays)))
                .setParameter(4, Timestamp.from(now.minus(Duration.ofDays(stalledDays))))
                .setParameter(5, MANY_ALERTS).setParameter(6, maxPrograms).getResultList();
        Timestamp stalledBefore = Timestamp.from(now.minus(Duration.ofDays(stalledDays)));
        List<Suggestion> result = new ArrayList<>();
        for (Object[] r : rows) {
            List<Suggestion.Reason> reasons = new ArrayList<>();
            long open = n(r[5]);
            long high = n(r[6]);
            long programs = n(r[7]);
            long overdue = n(r[8]);
            Instant lastChange = cl.redlocal.portal.platform.SqlValues.instant(r[9]);
            long rejected = n(r[10]);
            if (high > 0) {
                reasons.add(new Suggestion.Reason(Suggestion.Kind.HIGH_ALERT,
                        "Caso complejo: " + (high == 1 ? "una alerta alta abierta" : high + " alertas altas abiertas")));
            }
            if (open >= MANY_ALERTS) {
                reasons.add(new Suggestion.Reason(Suggestion.Kind.MANY_ALERTS,
                        "Caso complejo: " + open + " alertas abiertas"));
            }
            if (programs > maxPrograms) {
                reasons.add(new Suggestion.Reason(Suggestion.Kind.PROGRAMS, "En " + programs + " programas a la vez"));
            }
            if (overdue > 0) {
                reasons.add(new Suggestion.Reason(Suggestion.Kind.OVERDUE_ACTIONS, "Estancado: " + overdue
                        + (overdue == 1 ? " acción del plan vencida" : " acciones del plan vencidas")
                        + " hace más de " + stalledDays + " días"));
            }
            if (lastChange != null && lastChange.isBefore(stalledBefore.toInstant())) {
                reasons.add(new Suggestion.Reason(Suggestion.Kind.NO_PROGRESS,
                        "Estancado: sin avance del plan en " + stalledDays + " días"));
            }
            if (rejected > 1) {
                reasons.add(new Suggestion.Reason(Suggestion.Kind.REJECTED_REFERRALS,
                        "Derivación rechazada " + rejected + " veces"));
            }
            result.add(new Suggestion(((Number) r[0]).longValue(), (String) r[1],
                    Child.initialsOf((String) r[2], (String) r[3], (String) r[4]), List.copyOf(reasons)));
        }
        return result;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
