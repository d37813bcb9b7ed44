package cl.redlocal.portal.alert.boundary;

import cl.redlocal.portal.alert.control.AlertEscalation;
import cl.redlocal.portal.alert.control.RulesDue;
import cl.redlocal.portal.alert.entity.AlertRule;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.facts.Reentries;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.Jobs;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The automatic alert rules. Each rule is one INSERT ... SELECT whose rows carry a cause key (the
 * referral, the waiting entry, the latest entry of the trajectory...): the unique index on (case, kind,
 * cause) makes raising idempotent, so a second run, or a second node, raises nothing new, and a resolved
 * alert comes back only when a new cause appears. When the cause of a REFERRAL_OVERDUE, LONG_WAIT or
 * OVER_INTERVENTION alert disappears (answered, left the list, fewer programs) the alert resolves itself.
 * Then HIGH alerts, and cases with accumulated open alerts, escalate to the co-facilitators once.
 * The schedule runs hourly on one node of the cluster ({@link Jobs}), and the comuna's rules run again
 * after every change they depend on ({@link RulesDue}).
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.ADMIN})
public class AlertRules {

    public static final String SYSTEM_ACTOR = "sistema";
    private static final String INSERT = "INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity,"
            + " description, source, raised_by, cause_key) ";
    private static final String ON_CONFLICT = " ON CONFLICT (case_id, kind, cause_key) WHERE cause_key IS NOT NULL"
            + " DO NOTHING RETURNING id";
    private static final String AUTO_RESOLVED = "La causa de la alerta desapareció (resuelta automáticamente)";

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    AlertEscalation escalation;

    /** Off in the integration tests, where a run at an unknown moment would change other classes' fixtures. */
    @Inject
    @ConfigProperty(name = "portal.alerts.rules.scheduled", defaultValue = "true")
    boolean scheduledRuns;

    /** Every comuna's rules once an hour, from minute 7, on one node; an hour missed in an outage is caught up. */
    public static final JobSpec JOB = JobSpec.oncePerCluster("alert-rules", new Cadence.Hourly(7));

    @Inject
    Jobs jobs;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (scheduledRuns) {
            jobs.run(JOB, this::runAllComunas);
        }
    }

    private void runAllComunas() {
        @SuppressWarnings("unchecked")
        List<Object> comunas = em.createNativeQuery("SELECT id FROM comuna ORDER BY id").getResultList();
        for (Object comuna : comunas) {
            runComuna(((Number) comuna).longValue(), clock.today());
        }
    }

    /** Off only where a test needs a comuna's rules to run at moments it chooses. */
    @Inject
    @ConfigProperty(name = "portal.alerts.rules.on-events", defaultValue = "true")
    boolean eventRuns;

    /**
     * The rules "on the events that matter": after a transaction that changed what they read commits, the
     * comuna's rules run in a transaction of their own (a failure here never undoes the user's change; the
     * hourly run catches up).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RulesDue due) {
        if (eventRuns) {
            runComuna(due.comunaId(), clock.today());
        }
    }

    /** Runs every rule of the caller's comuna as of {@code today}; returns the ids of the alerts raised. */
    public RunResult run(LocalDate today) {
        RunResult result = runComuna(caller.profile().comunaId(), today);
        audit.record(AuditAction.UPDATE, "ALERT_RULES", caller.profile().comunaId(), AuditOutcome.SUCCESS,
                "reglas ejecutadas: " + result.raised().size() + " alertas nuevas");
        return result;
    }

    /** What one run did: alerts raised, resolved because their cause disappeared, and escalated. */
    public record RunResult(List<Long> raised, List<Long> resolved, List<Long> escalated) {
    }

    RunResult runComuna(long comuna, LocalDate today) {
        java.util.Map<AlertRule, Integer> on = escalation.enabled(comuna);
        List<Long> raised = new ArrayList<>();
        List<Long> resolved = new ArrayList<>();
        resolved.addAll(autoResolve(comuna, "REFERRAL_OVERDUE", "NOT EXISTS (SELECT 1 FROM fact_referral r WHERE"
                + " 'ref:' || r.referral_id = a.cause_key AND r.is_pending)"));
        resolved.addAll(autoResolve(comuna, "LONG_WAIT", "NOT EXISTS (SELECT 1 FROM fact_waiting w WHERE"
                + " 'wait:' || w.entry_id = a.cause_key AND w.is_open)"));
        resolved.addAll(autoResolve(comuna, "PLAN_OVERDUE", "NOT EXISTS (SELECT 1 FROM fact_plan_action pa WHERE"
                + " 'action:' || pa.action_id = a.cause_key AND pa.is_open)"));
        resolved.addAll(autoResolve(comuna, "NO_CONTACT", "NOT EXISTS (SELECT 1 FROM family_last_contact f WHERE"
                + " 'contact:' || f.accompaniment_id || ':' || coalesce(f.last_contact_on, f.started_on) = a.cause_key)"));
        if (on.containsKey(AlertRule.OVER_INTERVENTION)) {
            resolved.addAll(autoResolve(comuna, "OVER_INTERVENTION", "(SELECT count(*) FROM fact_stay i"
                    + " WHERE i.case_id = a.case_id AND i.is_active) <= " + on.get(AlertRule.OVER_INTERVENTION)));
        }
        if (on.containsKey(AlertRule.RE_ENTRY)) {
            // the child's re-entries in 5 years (fact_episode: programs joining a running stay, or one taking over
            // the day another ends, are one episode); the cause is the stay that opened the latest re-entry
            raised.addAll(ids("WITH reentries AS (SELECT e.child_id, e.first_stay_id, e.started_on"
                    + " FROM fact_episode e WHERE e.comuna_id = ?1 AND e.is_reentry"
                    + " AND e.started_on >= CAST(?2 AS DATE) - INTERVAL '" + Reentries.WINDOW_YEARS + " years'"
                    + " AND e.started_on <= CAST(?2 AS DATE)) "
                    + INSERT + "SELECT DISTINCT ON (r.child_id) CAST(?1 AS BIGINT), s.case_id, 'RE_ENTRY', 'MEDIUM',"
                    + " 'Reingreso: ' || n.reentries || CASE WHEN n.reentries = 1 THEN ' reingreso' ELSE ' reingresos' END"
                    + " || ' en los últimos 5 años', 'RULE', 'sistema', 'inv:' || r.first_stay_id"
                    + " FROM reentries r JOIN fact_stay s ON s.stay_id = r.first_stay_id"
                    + " JOIN (SELECT child_id, count(*) AS reentries FROM reentries GROUP BY child_id"
                    + " HAVING count(*) >= ?3) n ON n.child_id = r.child_id"
                    + " ORDER BY r.child_id, r.started_on DESC" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.RE_ENTRY)));
        }
        if (on.containsKey(AlertRule.OVER_INTERVENTION)) {
            raised.addAll(ids(INSERT + "SELECT cf.comuna_id, cf.id, 'OVER_INTERVENTION', 'MEDIUM',"
                    + " 'Sobreintervención: ' || count(*) || ' programas a la vez', 'RULE', 'sistema', 'inv:' || max(i.stay_id)"
                    + " FROM fact_stay i JOIN case_file cf ON cf.id = i.case_id"
                    + " WHERE cf.comuna_id = ?1 AND i.is_active AND i.started_on <= CAST(?2 AS DATE)"
                    + " GROUP BY cf.comuna_id, cf.id HAVING count(*) > ?3" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.OVER_INTERVENTION)));
        }
        if (on.containsKey(AlertRule.REFERRAL_OVERDUE)) {
            raised.addAll(ids(INSERT + "SELECT r.comuna_id, r.case_id, 'REFERRAL_OVERDUE', 'MEDIUM',"
                    + " 'Derivación sin respuesta desde el ' || to_char(r.due_on, 'DD-MM-YYYY'), 'RULE', 'sistema',"
                    + " 'ref:' || r.referral_id FROM fact_referral r WHERE r.comuna_id = ?1 AND r.is_pending"
                    + " AND r.due_on <= CAST(?2 AS DATE) - ?3" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.REFERRAL_OVERDUE)));
        }
        if (on.containsKey(AlertRule.LONG_WAIT)) {
            raised.addAll(ids(INSERT + "SELECT w.comuna_id, w.case_id, 'LONG_WAIT', 'MEDIUM',"
                    + " 'En lista de espera desde el ' || to_char(w.entered_on, 'DD-MM-YYYY'),"
                    + " 'RULE', 'sistema', 'wait:' || w.entry_id FROM fact_waiting w WHERE w.comuna_id = ?1"
                    + " AND w.is_open AND w.entered_on <= CAST(?2 AS DATE) - ?3" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.LONG_WAIT)));
        }
        if (on.containsKey(AlertRule.SIMULTANEOUS)) {
            // several alerts on one child within 30 days; the newest alert is the cause; never while one is open
            raised.addAll(ids(INSERT + "SELECT DISTINCT ON (cf.child_id) cf.comuna_id, a.case_id, 'SIMULTANEOUS', 'HIGH',"
                    + " 'Alertas simultáneas: ' || n.alerts || ' alertas en 30 días', 'RULE', 'sistema', 'alert:' || a.alert_id"
                    + " FROM fact_alert a JOIN case_file cf ON cf.id = a.case_id"
                    + " JOIN (SELECT cf2.child_id, count(*) AS alerts FROM fact_alert a2"
                    + " JOIN case_file cf2 ON cf2.id = a2.case_id WHERE a2.kind NOT IN ('SIMULTANEOUS', 'SUCCESSIVE')"
                    + " AND a2.raised_on > CAST(?2 AS DATE) - 30"
                    + " GROUP BY cf2.child_id HAVING count(*) >= ?3) n ON n.child_id = cf.child_id"
                    + " WHERE cf.comuna_id = ?1 AND a.kind NOT IN ('SIMULTANEOUS', 'SUCCESSIVE')"
                    + " AND NOT EXISTS (SELECT 1 FROM fact_alert o JOIN case_file co ON co.id = o.case_id"
                    + " WHERE co.child_id = cf.child_id AND o.kind = 'SIMULTANEOUS' AND o.is_open)"
                    + " ORDER BY cf.child_id, a.raised_at DESC, a.alert_id DESC" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.SIMULTANEOUS)));
        }
        if (on.containsKey(AlertRule.SUCCESSIVE)) {
            // an alert in each of the last N months (this one included); the run's first month is the cause
            raised.addAll(ids(INSERT + "SELECT DISTINCT ON (cf.child_id) cf.comuna_id, a.case_id, 'SUCCESSIVE', 'MEDIUM',"
                    + " 'Alertas sucesivas: al menos una alerta en cada uno de los últimos ' || ?3 || ' meses', 'RULE',"
                    + " 'sistema', 'from:' || to_char(date_trunc('month', CAST(?2 AS DATE)) - make_interval(months => ?3 - 1),"
                    + " 'YYYY-MM') FROM fact_alert a JOIN case_file cf ON cf.id = a.case_id"
                    + " WHERE cf.comuna_id = ?1 AND a.kind NOT IN ('SIMULTANEOUS', 'SUCCESSIVE')"
                    + " AND (SELECT count(DISTINCT date_trunc('month', a2.raised_on))"
                    + " FROM fact_alert a2 JOIN case_file cf2 ON cf2.id = a2.case_id WHERE cf2.child_id = cf.child_id"
                    + " AND a2.kind NOT IN ('SIMULTANEOUS', 'SUCCESSIVE')"
                    + " AND a2.raised_on >= CAST(date_trunc('month', CAST(?2 AS DATE)) - make_interval(months => ?3 - 1) AS DATE)"
                    + " AND a2.raised_on <= CAST(?2 AS DATE)) >= ?3"
                    + " AND NOT EXISTS (SELECT 1 FROM fact_alert o JOIN case_file co ON co.id = o.case_id"
                    + " WHERE co.child_id = cf.child_id AND o.kind = 'SUCCESSIVE' AND o.is_open)"
                    + " ORDER BY cf.child_id, a.raised_at DESC, a.alert_id DESC" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.SUCCESSIVE)));
        }
        if (on.containsKey(AlertRule.PLAN_OVERDUE)) {
            // each open action past its due day by the threshold, on the case of its plan; done or cancelled resolves it
            raised.addAll(ids(INSERT + "SELECT pa.comuna_id, pa.case_id, 'PLAN_OVERDUE', 'MEDIUM',"
                    + " 'Acción del plan vencida desde el ' || to_char(pa.due_on, 'DD-MM-YYYY') || ' (' || p.acronym || ')',"
                    + " 'RULE', 'sistema', 'action:' || pa.action_id FROM fact_plan_action pa"
                    + " JOIN program p ON p.id = pa.program_id WHERE pa.comuna_id = ?1"
                    + " AND pa.is_open AND pa.due_on <= CAST(?2 AS DATE) - ?3" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.PLAN_OVERDUE)));
        }
        if (on.containsKey(AlertRule.NO_CONTACT)) {
            // every open case of a child of a family under accompaniment without a session for N days; the
            // last contact is the cause, so a new session resolves it and a new silence raises a new one
            raised.addAll(ids(INSERT + "SELECT cf.comuna_id, cf.id, 'NO_CONTACT', 'MEDIUM',"
                    + " 'Sin contacto con la familia desde el ' || to_char(coalesce(f.last_contact_on, f.started_on),"
                    + " 'DD-MM-YYYY'), 'RULE', 'sistema',"
                    + " 'contact:' || f.accompaniment_id || ':' || coalesce(f.last_contact_on, f.started_on)"
                    + " FROM family_last_contact f JOIN child ch ON ch.family_id = f.family_id"
                    + " JOIN case_file cf ON cf.child_id = ch.id AND cf.status = 'OPEN' WHERE f.comuna_id = ?1"
                    + " AND coalesce(f.last_contact_on, f.started_on) <= CAST(?2 AS DATE) - ?3" + ON_CONFLICT,
                    comuna, today, on.get(AlertRule.NO_CONTACT)));
        }
        List<Long> escalated = escalation.escalate(comuna, on.get(AlertRule.ESCALATION));
        return new RunResult(raised, resolved, escalated);
    }

    private List<Long> autoResolve(long comuna, String kind, String causeGone) {
        List<Long> ids = ids("UPDATE vulnerability_alert a SET state = 'RESOLVED', resolved_by = 'sistema',"
                + " resolved_at = now(), resolution_reason = '" + AUTO_RESOLVED + "', version = version + 1"
                + " WHERE a.comuna_id = ?1 AND a.source = 'RULE' AND a.kind = '" + kind + "' AND a.state <> 'RESOLVED'"
                + " AND " + causeGone + " RETURNING a.id", comuna);
        ids.forEach(id -> audit.record(AuditAction.UPDATE, "VULNERABILITY_ALERT", id, AuditOutcome.SUCCESS,
                "resuelta: la causa desapareció"));
        return ids;
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
