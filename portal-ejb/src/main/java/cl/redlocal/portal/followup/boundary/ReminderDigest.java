package cl.redlocal.portal.followup.boundary;

import cl.redlocal.portal.alert.boundary.AlertTexts;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.minutes.control.AgreementsDue;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobClaims;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.Jobs;
import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.platform.mail.OutgoingMail;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one daily e-mail digest, one mail per person (by lower-cased address) and day with two sections: the
 * case reminders (to each professional, the post-exit follow-ups of their program that are due, the overdue
 * plan actions they, or when no person is named their program, answer for, and the HIGH alerts raised in
 * the last day on cases their program is in; to each co-facilitator, the HIGH alerts of the comuna raised in
 * the last day) and the table's agreements due soon or overdue whose responsible they are
 * ({@link AgreementsDue}). A comuna's digest of a day is claimed in {@code job_run} in the same transaction
 * as its outbox rows, so several nodes, a second run or the scheduled job after a manual run send it once.
 * Cases by code and initials only.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.ADMIN})
public class ReminderDigest {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    AgreementsDue agreementsDue;

    @Inject
    JobClaims claims;

    /** Off in the integration tests, where a digest at an unknown moment would add mails to other classes' outboxes. */
    @Inject
    @ConfigProperty(name = "portal.reminders.scheduled", defaultValue = "true")
    boolean scheduledRuns;

    /** Daily from 08:30 on one node; a day whose run failed (an outage) is sent later that day. */
    public static final JobSpec JOB = JobSpec.oncePerCluster("daily-digest", new Cadence.Daily(LocalTime.of(8, 30)));

    @Inject
    Jobs jobs;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (scheduledRuns) {
            jobs.run(JOB, this::sendAllComunas);
        }
    }

    private void sendAllComunas() {
        @SuppressWarnings("unchecked")
        List<Object> comunas = em.createNativeQuery("SELECT id FROM comuna ORDER BY id").getResultList();
        for (Object comuna : comunas) {
            sendFor(((Number) comuna).longValue(), clock.today());
        }
    }

    /** Sends the digests of a comuna the caller works in for {@code day}; returns the addresses mailed by this call. */
    public List<String> send(long comunaId, LocalDate day) {
        if (caller.profile().role() != Role.ADMIN && !caller.profile().worksIn(comunaId)) {
            audit.denied("COMUNA", comunaId, "resumen diario de otra comuna");
            throw new BusinessException("mgc.minutes.notFound");
        }
        return sendFor(comunaId, day);
    }

    private List<String> sendFor(long comunaId, LocalDate day) {
        if (!claims.claimFinished(JOB.name(), day + "/" + comunaId, jobs.node())) {
            return List.of(); // this comuna's digest of the day is out already
        }
        Map<String, List<String>> items = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> tasks = em.createNativeQuery("SELECT u.id, u.username, u.email, cf.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, t.months, t.due_on FROM followup_task t"
                        + " JOIN case_file cf ON cf.id = t.case_id JOIN child ch ON ch.id = cf.child_id"
                        + " JOIN app_user u ON u.program_id = t.program_id AND u.role = 'PROFESIONAL' AND u.enabled"
                        + " WHERE t.comuna_id = ?1 AND t.done_on IS NULL AND t.due_on <= CAST(?2 AS DATE)"
                        + " ORDER BY u.id, t.due_on").setParameter(1, comunaId).setParameter(2, day).getResultList();
        for (Object[] r : tasks) {
            add(items, r, "Seguimiento post-egreso de " + r[7] + " meses del caso " + r[3] + " ("
                    + cl.redlocal.portal.cases.entity.Child.initialsOf((String) r[4], (String) r[5], (String) r[6])
                    + "), vence el " + r[8]);
        }
        // overdue plan actions: to the responsible person when the action names a portal user, otherwise to
        // the professionals of the responsible program; the action's text is never mailed (it may name people)
        @SuppressWarnings("unchecked")
        List<Object[]> actions = em.createNativeQuery("SELECT u.id, u.username, u.email, cf.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, pa.due_on FROM fact_plan_action pa"
                        + " JOIN case_file cf ON cf.id = pa.case_id"
                        + " JOIN child ch ON ch.id = cf.child_id"
                        + " JOIN app_user u ON u.enabled AND (u.id = pa.responsible_user_id OR (pa.responsible_user_id IS NULL"
                        + " AND u.program_id = pa.program_id AND u.role = 'PROFESIONAL'))"
                        + " WHERE pa.comuna_id = ?1 AND pa.is_open AND pa.due_on < CAST(?2 AS DATE)"
                        + " ORDER BY u.id, pa.due_on").setParameter(1, comunaId).setParameter(2, day).getResultList();
        for (Object[] r : actions) {
            add(items, r, "Acción del plan de trabajo del caso " + r[3] + " ("
                    + cl.redlocal.portal.cases.entity.Child.initialsOf((String) r[4], (String) r[5], (String) r[6])
                    + ") vencida desde el " + r[7]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> alerts = em.createNativeQuery("SELECT u.id, u.username, u.email, cf.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, a.kind FROM fact_alert a"
                        + " JOIN case_file cf ON cf.id = a.case_id JOIN child ch ON ch.id = cf.child_id"
                        + " JOIN app_user u ON u.comuna_id = a.comuna_id AND u.enabled AND (u.role = 'COFACILITADOR'"
                        + " OR (u.role = 'PROFESIONAL' AND EXISTS (SELECT 1 FROM fact_stay i WHERE i.case_id = a.case_id"
                        + " AND i.program_id = u.program_id AND i.is_active)))"
                        + " WHERE a.comuna_id = ?1 AND a.severity = 'HIGH' AND a.is_open"
                        + " AND a.raised_at > CAST(?2 AS DATE) - INTERVAL '1 day' ORDER BY u.id, a.raised_at")
                .setParameter(1, comunaId).setParameter(2, day).getResultList();
        for (Object[] r : alerts) {
            add(items, r, "Alerta ALTA (" + AlertTexts.kind((String) r[7]) + ") en el caso " + r[3] + " ("
                    + cl.redlocal.portal.cases.entity.Child.initialsOf((String) r[4], (String) r[5], (String) r[6]) + ")");
        }
        Map<String, List<String>> agreements = agreementsDue.byAddress(comunaId, day);
        Set<String> addresses = new LinkedHashSet<>(items.keySet());
        addresses.addAll(agreements.keySet());
        List<String> sent = new ArrayList<>();
        for (String address : addresses) {
            outbox.enqueue(OutgoingMail.text(comunaId, address, "Red Local: recordatorios del " + day,
                    body(items.getOrDefault(address, List.of()), agreements.getOrDefault(address, List.of()))));
            sent.add(address);
        }
        audit.record(AuditAction.CREATE, "REMINDER_DIGEST", comunaId, AuditOutcome.SUCCESS,
                sent.size() + " resúmenes diarios");
        return sent;
    }

    private static String body(List<String> cases, List<String> agreements) {
        StringBuilder text = new StringBuilder();
        if (!cases.isEmpty()) {
            text.append("Pendientes para hoy en Red Local:\n\n- ").append(String.join("\n- ", cases)).append("\n\n");
        }
        if (!agreements.isEmpty()) {
            text.append("Acuerdos de la Mesa de Gestión de Casos a su cargo que vencen pronto o están atrasados:\n\n- ")
                    .append(String.join("\n- ", agreements))
                    .append("\n\nSi ya avanzó, infórmelo a la co-facilitación de la mesa o regístrelo en Red Local.\n\n");
        }
        return text.append("Ingrese al portal para revisarlos.").toString();
    }

    private static void add(Map<String, List<String>> items, Object[] r, String line) {
        if (r[2] != null) { // a person without an address gets no mail
            items.computeIfAbsent(((String) r[2]).toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(line);
        }
    }
}
