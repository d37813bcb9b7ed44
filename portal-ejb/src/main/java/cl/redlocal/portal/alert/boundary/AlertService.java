package cl.redlocal.portal.alert.boundary;

import cl.redlocal.portal.alert.control.RulesTrigger;
import cl.redlocal.portal.alert.entity.AlertRule;
import cl.redlocal.portal.alert.entity.VulnerabilityAlert;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.RiskKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageResult;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Vulnerability alerts as people work them: raised by hand on a case they may see, acknowledged, resolved
 * with a reason (optimistic locking), sent to the next table session's agenda by a co-facilitator, read
 * per case, in the co-facilitators' inbox and in the comuna's log, and counted without identities for
 * the territorial manager. Every read and write of case data is audited; a case the caller may not see
 * does not exist for them.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class AlertService {

    private static final String ROW = "SELECT a";
    /** Each alert's case and child come in the alerts' own statement, not one statement per row. */
    private static final String CASE_IN_THE_SAME_STATEMENT = org.eclipse.persistence.config.QueryHints.FETCH;

    @PersistenceContext
    EntityManager em;

    @Inject
    RulesTrigger rulesTrigger;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    cl.redlocal.portal.alert.control.AlertEscalation rules;

    /** Raises a manual alert on a case the caller may see; a HIGH one escalates at once. */
    public long raise(long caseId, @NotNull @Valid ManualAlert command) {
        rulesTrigger.caseDataChanged();
        CaseFile caseFile = visibleCase(caseId).orElseThrow(() -> new BusinessException("alert.case.notFound"));
        if (Arrays.stream(RiskKind.values()).noneMatch(k -> k.name().equals(command.getKind()))) {
            throw new BusinessException("alert.kind.unknown");
        }
        VulnerabilityAlert alert = new VulnerabilityAlert(caseFile, command.getKind(), command.getSeverity(),
                command.getDescription().trim(), "MANUAL", caller.profile().username(), Instant.now());
        em.persist(alert);
        em.flush();
        audit.success(AuditAction.CREATE, "VULNERABILITY_ALERT", alert.getId());
        rules.escalate(caseFile.getComuna().getId(), rules.enabled(caseFile.getComuna().getId()).get(AlertRule.ESCALATION));
        return alert.getId();
    }

    public void acknowledge(long alertId, int version) {
        VulnerabilityAlert alert = editable(alertId, version);
        try {
            alert.acknowledge(caller.profile().username(), Instant.now());
        } catch (IllegalStateException e) {
            throw new BusinessException("alert.acknowledge.notOpen");
        }
        audit.record(AuditAction.UPDATE, "VULNERABILITY_ALERT", alertId, AuditOutcome.SUCCESS, "reconocida");
    }

    public void resolve(long alertId, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("alert.resolve.reasonRequired");
        }
        VulnerabilityAlert alert = editable(alertId, version);
        try {
            alert.resolve(caller.profile().username(), Instant.now(), reason.trim());
        } catch (IllegalStateException e) {
            throw new BusinessException("alert.resolve.already");
        }
        audit.record(AuditAction.UPDATE, "VULNERABILITY_ALERT", alertId, AuditOutcome.SUCCESS, "resuelta");
    }

    /** One click in the inbox: the alert goes to the next table session's agenda (once). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public boolean requestAgenda(long alertId) {
        VulnerabilityAlert alert = visibleAlert(alertId).orElseThrow(() -> new BusinessException("alert.notFound"));
        int inserted = em.createNativeQuery("INSERT INTO session_agenda_request (comuna_id, case_id, alert_id, reason,"
                        + " requested_by) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (alert_id) DO NOTHING")
                .setParameter(1, alert.getComuna().getId()).setParameter(2, alert.getCaseFile().getId())
                .setParameter(3, alertId)
                .setParameter(4, "Alerta " + AlertTexts.severity(alert.getSeverity().name()) + ": "
                        + AlertTexts.kind(alert.getKind()))
                .setParameter(5, caller.profile().username()).executeUpdate();
        audit.record(AuditAction.UPDATE, "VULNERABILITY_ALERT", alertId, AuditOutcome.SUCCESS,
                inserted == 1 ? "solicitada para la próxima sesión de la Mesa" : "ya estaba en la agenda");
        return inserted == 1;
    }

    /** The alerts of a case, newest first; empty when the caller may not see the case. */
    public List<AlertRow> forCase(long caseId) {
        if (visibleCase(caseId).isEmpty()) {
            return List.of();
        }
        List<AlertRow> rows = complete(em.createQuery(ROW + " FROM VulnerabilityAlert a JOIN a.caseFile c"
                + " WHERE c.id = :id ORDER BY a.raisedAt DESC, a.id DESC", VulnerabilityAlert.class)
                .setHint(CASE_IN_THE_SAME_STATEMENT, "a.caseFile").setHint(CASE_IN_THE_SAME_STATEMENT, "a.caseFile.child").setParameter("id", caseId).getResultList());
        audit.record(AuditAction.LIST, "VULNERABILITY_ALERT", caseId, AuditOutcome.SUCCESS, "alertas del caso");
        return rows;
    }

    /** The co-facilitators' inbox: escalated alerts of the comuna not yet resolved. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<AlertRow> inbox() {
        CallerProfile me = caller.profile();
        List<AlertRow> rows = complete(em.createQuery(ROW + " FROM VulnerabilityAlert a JOIN a.caseFile c"
                        + " WHERE c.comuna.id = :comuna AND a.escalatedAt IS NOT NULL"
                        + " AND a.state <> cl.redlocal.portal.alert.entity.AlertState.RESOLVED"
                        + " ORDER BY a.raisedAt DESC, a.id DESC", VulnerabilityAlert.class)
                .setHint(CASE_IN_THE_SAME_STATEMENT, "a.caseFile").setHint(CASE_IN_THE_SAME_STATEMENT, "a.caseFile.child").setParameter("comuna", me.comunaId()).getResultList());
        audit.record(AuditAction.LIST, "VULNERABILITY_ALERT", null, AuditOutcome.SUCCESS, "bandeja de alertas escaladas");
        return rows;
    }

    /** Filters of the comuna's log; null means any. */
    public record LogFilter(String kind, String severity, String state, LocalDate from, LocalDate to)
            implements java.io.Serializable {
    }

    /** How many alerts of the log the filter keeps (one COUNT, for the lazy table's paginator). */
    public long logCount(LogFilter filter) {
        return log(filter, 0, 0, false, true).total();
    }

    /** The comuna's alert log, newest first, filtered and paged in SQL; need-to-know applies. */
    public PageResult<AlertRow> log(LogFilter filter, int first, int size, boolean export) {
        return log(filter, first, size, export, false);
    }

    private PageResult<AlertRow> log(LogFilter filter, int first, int size, boolean export, boolean countOnly) {
        CallerProfile me = caller.profile();
        StringBuilder where = new StringBuilder(" FROM VulnerabilityAlert a JOIN a.caseFile c WHERE ")
                .append(CaseAccess.condition(me));
        List<Object[]> params = new ArrayList<>();
        if (filter.kind() != null && !filter.kind().isBlank()) {
            where.append(" AND a.kind = :kind");
            params.add(new Object[] {"kind", filter.kind()});
        }
        if (filter.severity() != null && !filter.severity().isBlank()) {
            where.append(" AND a.severity = :severity");
            params.add(new Object[] {"severity", cl.redlocal.portal.alert.entity.AlertSeverity.valueOf(filter.severity())});
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            where.append(" AND a.state = :state");
            params.add(new Object[] {"state", cl.redlocal.portal.alert.entity.AlertState.valueOf(filter.state())});
        }
        if (filter.from() != null) {
            where.append(" AND a.raisedAt >= :from");
            params.add(new Object[] {"from", filter.from().atStartOfDay(java.time.ZoneId.of("America/Santiago")).toInstant()});
        }
        if (filter.to() != null) {
            where.append(" AND a.raisedAt < :to");
            params.add(new Object[] {"to", filter.to().plusDays(1).atStartOfDay(java.time.ZoneId.of("America/Santiago")).toInstant()});
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + where, Long.class);
        TypedQuery<VulnerabilityAlert> page = em.createQuery(ROW + where + " ORDER BY a.raisedAt DESC, a.id DESC", VulnerabilityAlert.class)
                .setHint(CASE_IN_THE_SAME_STATEMENT, "a.caseFile").setHint(CASE_IN_THE_SAME_STATEMENT, "a.caseFile.child");
        CaseAccess.bind(count, me);
        CaseAccess.bind(page, me);
        for (Object[] p : params) {
            count.setParameter((String) p[0], p[1]);
            page.setParameter((String) p[0], p[1]);
        }
        long total = count.getSingleResult();
        if (countOnly) {
            return new PageResult<>(total, List.of());
        }
        List<AlertRow> rows = complete(page.setFirstResult(first).setMaxResults(size).getResultList());
        audit.record(export ? AuditAction.EXPORT : AuditAction.LIST, "VULNERABILITY_ALERT", null, AuditOutcome.SUCCESS,
                export ? "exportación del registro de alertas" : "registro de alertas");
        return new PageResult<>(total, rows);
    }

    /** Counts per comuna, kind and severity for the territorial manager's comunas: no identities. */
    @RolesAllowed(Role.Names.GESTOR_TERRITORIAL)
    public List<TerritoryCount> territory() {
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT co.name, a.kind, a.severity,"
                        + " count(*) FILTER (WHERE a.state = 'OPEN'), count(*) FILTER (WHERE a.state = 'ACKNOWLEDGED'),"
                        + " count(*) FILTER (WHERE a.state = 'RESOLVED') FROM vulnerability_alert a"
                        + " JOIN comuna co ON co.id = a.comuna_id WHERE a.comuna_id = ANY (CAST(?1 AS BIGINT[]))"
                        + " GROUP BY co.name, a.kind, a.severity ORDER BY co.name, a.kind, a.severity")
                .setParameter(1, "{" + String.join(",", me.comunaIds().stream().map(String::valueOf).toList()) + "}")
                .getResultList();
        audit.record(AuditAction.LIST, "ALERT_COUNTS", null, AuditOutcome.SUCCESS, "conteos territoriales de alertas");
        return rows.stream().map(r -> new TerritoryCount((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue())).toList();
    }

    /** The rules of the caller's comuna. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR})
    public List<RuleSetting> settings() {
        long comuna = caller.profile().comunaId();
        List<RuleSetting> result = new ArrayList<>();
        for (AlertRule rule : AlertRule.values()) {
            @SuppressWarnings("unchecked")
            List<Object[]> row = em.createNativeQuery("SELECT enabled, threshold, version FROM alert_rule_setting"
                    + " WHERE comuna_id = ?1 AND rule = ?2").setParameter(1, comuna).setParameter(2, rule.name())
                    .getResultList();
            result.add(row.isEmpty() ? new RuleSetting(rule, true, rule.defaultThreshold(), 0)
                    : new RuleSetting(rule, (Boolean) row.get(0)[0], ((Number) row.get(0)[1]).intValue(),
                    ((Number) row.get(0)[2]).intValue()));
        }
        return result;
    }

    /**
     * The coordinator switches a rule and tunes its threshold; a stale version is a concurrent edit. A rule
     * never changed has version 0 (no row); the first change writes version 1.
     */
    @RolesAllowed(Role.Names.COORDINADOR)
    public void configure(AlertRule rule, boolean enabled, int threshold, int version) {
        if (threshold < 1 || threshold > 3650) {
            throw new BusinessException("alert.rule.threshold");
        }
        CallerProfile me = caller.profile();
        int changed = version == 0
                ? em.createNativeQuery("INSERT INTO alert_rule_setting (comuna_id, rule, enabled, threshold, updated_by,"
                        + " version) VALUES (?1, ?2, ?3, ?4, ?5, 1) ON CONFLICT DO NOTHING")
                .setParameter(1, me.comunaId()).setParameter(2, rule.name()).setParameter(3, enabled)
                .setParameter(4, threshold).setParameter(5, me.username()).executeUpdate()
                : em.createNativeQuery("UPDATE alert_rule_setting SET enabled = ?3, threshold = ?4, updated_by = ?5,"
                        + " updated_at = now(), version = version + 1 WHERE comuna_id = ?1 AND rule = ?2 AND version = ?6")
                .setParameter(1, me.comunaId()).setParameter(2, rule.name()).setParameter(3, enabled)
                .setParameter(4, threshold).setParameter(5, me.username()).setParameter(6, version).executeUpdate();
        if (changed == 0) {
            throw new ConcurrentEditException();
        }
        audit.record(AuditAction.UPDATE, "ALERT_RULE", rule.name(), AuditOutcome.SUCCESS,
                (enabled ? "activada" : "desactivada") + ", umbral " + threshold);
    }

    /** Records the export of the comuna's alert log (the exporter reads the rows through {@link #log}). */
    public void exported(String format) {
        audit.record(AuditAction.EXPORT, "VULNERABILITY_ALERT", null, AuditOutcome.SUCCESS,
                "exportación del registro de alertas (" + format + ")");
    }

    private VulnerabilityAlert editable(long alertId, int version) {
        VulnerabilityAlert alert = visibleAlert(alertId).orElseThrow(() -> new BusinessException("alert.notFound"));
        if (alert.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return alert;
    }

    private Optional<VulnerabilityAlert> visibleAlert(long alertId) {
        VulnerabilityAlert alert = em.find(VulnerabilityAlert.class, alertId);
        if (alert == null || visibleCase(alert.getCaseFile().getId()).isEmpty()) {
            if (alert != null) {
                audit.denied("VULNERABILITY_ALERT", alertId, "alerta de un caso sin necesidad de saber");
            }
            return Optional.empty();
        }
        return Optional.of(alert);
    }

    private Optional<CaseFile> visibleCase(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = CaseAccess.visibleCase(em, me, caseId);
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "alertas de un caso sin necesidad de saber");
            return Optional.empty();
        }
        return Optional.of(found.get());
    }

    /** Adds the initials (fetched with the alerts) and the agenda request (one small query for the whole page). */
    private List<AlertRow> complete(List<VulnerabilityAlert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<AlertRow> rows = alerts.stream().map(a -> new AlertRow(a.getId(), a.getVersion(), a.getCaseFile().getId(),
                a.getCaseFile().getCode(), "", a.getKind(), a.getSeverity().name(), a.getState().name(),
                a.getDescription(), a.getSource(), a.getRaisedBy(), a.getRaisedAt(), a.getAcknowledgedBy(),
                a.getResolvedBy(), a.getResolutionReason(), a.getEscalatedAt(), null, null)).toList();
        // the child came in the alerts' statement (fetch hint): a separate JOIN FETCH of cases already in the
        // persistence context would not fill their lazy child, and each one would be read on its own
        java.util.Map<Long, String> initials = new java.util.HashMap<>();
        alerts.forEach(a -> initials.putIfAbsent(a.getCaseFile().getId(), a.getCaseFile().getChild().initials()));
        java.util.Map<Long, Object[]> agenda = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> requests = em.createNativeQuery("SELECT alert_id, requested_at, requested_by FROM"
                        + " session_agenda_request WHERE alert_id = ANY (CAST(?1 AS BIGINT[]))")
                .setParameter(1, "{" + String.join(",", rows.stream().map(r -> String.valueOf(r.id())).toList()) + "}")
                .getResultList();
        requests.forEach(r -> agenda.put(((Number) r[0]).longValue(), r));
        return rows.stream().map(r -> {
            Object[] a = agenda.get(r.id());
            return new AlertRow(r.id(), r.version(), r.caseId(), r.caseCode(), initials.getOrDefault(r.caseId(), ""),
                    r.kind(), r.severity(), r.state(), r.description(), r.source(), r.raisedBy(), r.raisedAt(),
                    r.acknowledgedBy(), r.resolvedBy(), r.resolutionReason(), r.escalatedAt(),
                    a == null ? null : cl.redlocal.portal.platform.SqlValues.instant(a[1]), a == null ? null : (String) a[2]);
        }).toList();
    }
}
