package cl.redlocal.portal.mgc.agenda.control;

import cl.redlocal.portal.alert.boundary.AlertTexts;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.mgc.agenda.boundary.Pauta;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What the pauta shows of a case, read from the features that own it: the programs working with the child
 * now, the current common diagnosis with its scores by dimension, the plan's goals and actions, the open
 * alerts. The caller has checked that the person may see the case.
 */
@Dependent
public class PautaQuery {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    /** The case's code and the child's initials. */
    public String[] codeAndInitials(long caseId) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT c.code, ch.given_names, ch.paternal_surname,"
                + " ch.maternal_surname FROM case_file c JOIN child ch ON ch.id = c.child_id WHERE c.id = ?1")
                .setParameter(1, caseId).getSingleResult();
        return new String[] {(String) head[0], Child.initialsOf((String) head[1], (String) head[2], (String) head[3])};
    }

    public List<Pauta.Program> programs(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.acronym, p.name, min(i.started_on) FROM fact_stay i"
                + " JOIN program p ON p.id = i.program_id WHERE i.case_id = ?1 AND i.is_active"
                + " GROUP BY p.acronym, p.name ORDER BY p.acronym").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Pauta.Program((String) r[0], (String) r[1], SqlValues.localDate(r[2]))).toList();
    }

    public Pauta.Diagnosis diagnosis(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.completed_at, d.author_name, p.acronym, d.summary"
                + " FROM diagnosis d JOIN program p ON p.id = d.program_id WHERE d.case_id = ?1 AND d.state = 'CURRENT'")
                .setParameter(1, caseId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] d = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> scores = em.createNativeQuery("SELECT dd.name, avg(s.score), max(it.scale_max) FROM diagnosis_score s"
                + " JOIN diagnosis_item it ON it.id = s.item_id JOIN diagnosis_dimension dd ON dd.id = it.dimension_id"
                + " WHERE s.diagnosis_id = ?1 GROUP BY dd.name, dd.position ORDER BY dd.position")
                .setParameter(1, ((Number) d[0]).longValue()).getResultList();
        return new Pauta.Diagnosis(SqlValues.instant(d[1]), (String) d[2], (String) d[3], (String) d[4],
                scores.stream().map(s -> new Pauta.Score((String) s[0],
                        Math.round(((Number) s[1]).doubleValue() * 10) / 10.0, ((Number) s[2]).intValue())).toList());
    }

    public Pauta.PlanStatus plan(long caseId) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT (SELECT count(*) FROM plan_goal g JOIN work_plan w ON w.id = g.plan_id WHERE w.case_id = ?1),
                               count(a.action_id) FILTER (WHERE a.is_open),
                               count(a.action_id) FILTER (WHERE a.is_open AND a.due_on < ?2),
                               count(a.action_id) FILTER (WHERE a.status = 'DONE')
                        FROM work_plan w LEFT JOIN fact_plan_action a ON a.plan_id = w.id WHERE w.case_id = ?1""")
                .setParameter(1, caseId).setParameter(2, java.sql.Date.valueOf(clock.today())).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> goals = em.createNativeQuery("SELECT g.description FROM plan_goal g JOIN work_plan w ON w.id = g.plan_id"
                + " WHERE w.case_id = ?1 ORDER BY g.id").setParameter(1, caseId).getResultList();
        return new Pauta.PlanStatus(n(counts[0]), n(counts[1]), n(counts[2]), n(counts[3]), goals);
    }

    public List<Pauta.Alert> alerts(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, severity, state, raised_at FROM fact_alert"
                + " WHERE case_id = ?1 AND is_open ORDER BY raised_at DESC").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Pauta.Alert(AlertTexts.kind((String) r[0]), AlertTexts.severity((String) r[1]),
                (String) r[2], SqlValues.instant(r[3]))).toList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
