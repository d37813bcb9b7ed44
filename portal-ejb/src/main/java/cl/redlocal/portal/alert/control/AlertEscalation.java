package cl.redlocal.portal.alert.control;

import cl.redlocal.portal.alert.boundary.AlertTexts;
import cl.redlocal.portal.alert.entity.AlertRule;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.notify.Notifier.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Escalation of alerts to the co-facilitators (once per alert: the UPDATE ... WHERE escalated_at IS NULL
 * RETURNING claims it) and the rule settings of a comuna. Runs in the caller's transaction; callers check
 * who may do it (a professional raising a HIGH alert escalates it too).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AlertEscalation {

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    AuditLog audit;

    /**
     * Marks every open HIGH alert of the comuna, and every open alert of a case with {@code accumulated} or
     * more open alerts (when the ESCALATION rule is on), escalated, and tells the co-facilitators once.
     */
    public List<Long> escalate(long comuna, Integer accumulated) {
        String accumulatedCondition = accumulated == null ? "" : " OR (SELECT count(*) FROM vulnerability_alert b"
                + " WHERE b.case_id = a.case_id AND b.state <> 'RESOLVED') >= " + accumulated.intValue();
        List<Long> ids = ids("UPDATE vulnerability_alert a SET escalated_at = now() WHERE a.comuna_id = ?1"
                + " AND a.escalated_at IS NULL AND a.state <> 'RESOLVED' AND (a.severity = 'HIGH'" + accumulatedCondition
                + ") RETURNING a.id", comuna);
        for (Long id : ids) {
            Object[] row = (Object[]) em.createNativeQuery("SELECT case_id, kind, severity FROM vulnerability_alert"
                    + " WHERE id = ?1").setParameter(1, id).getSingleResult();
            CaseFile caseFile = em.find(CaseFile.class, ((Number) row[0]).longValue());
            String what = "Alerta " + AlertTexts.severity((String) row[2]) + " (" + AlertTexts.kind((String) row[1])
                    + ") en el caso " + caseFile.getCode() + " (" + caseFile.getChild().initials() + ")";
            notifier.toCofacilitators(comuna, new Notice(what + ": escalada a co-facilitación.",
                    "/alerts/inbox.xhtml", "Red Local: alerta escalada en el caso " + caseFile.getCode(),
                    what + " fue escalada a co-facilitación. Revísela en la bandeja de alertas del portal."));
            audit.record(AuditAction.UPDATE, "VULNERABILITY_ALERT", id, AuditOutcome.SUCCESS, "escalada");
        }
        return ids;
    }

    /** The rules switched on in a comuna with their thresholds (a rule without a row: on, default threshold). */
    public Map<AlertRule, Integer> enabled(long comuna) {
        Map<AlertRule, Integer> on = new EnumMap<>(AlertRule.class);
        for (AlertRule rule : AlertRule.values()) {
            on.put(rule, rule.defaultThreshold());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT rule, enabled, threshold FROM alert_rule_setting"
                + " WHERE comuna_id = ?1").setParameter(1, comuna).getResultList();
        for (Object[] row : rows) {
            AlertRule rule = AlertRule.valueOf((String) row[0]);
            if (Boolean.TRUE.equals(row[1])) {
                on.put(rule, ((Number) row[2]).intValue());
            } else {
                on.remove(rule);
            }
        }
        return on;
    }

    private List<Long> ids(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = query.getResultList();
        return new ArrayList<>(rows.stream().map(o -> ((Number) o).longValue()).sorted().toList());
    }
}
