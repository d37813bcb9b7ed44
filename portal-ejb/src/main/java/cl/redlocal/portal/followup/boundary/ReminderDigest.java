package cl.redlocal.portal.followup.boundary;

import cl.redlocal.portal.alert.boundary.AlertTexts;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.Jobs;
import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.platform.mail.OutgoingMail;
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
import java.util.List;
import java.util.Map;

/**
 * The daily e-mail digest: to each professional, the post-exit follow-ups of their program that are due,
 * the overdue plan actions they (or, when no person is named, their program) answer for, and the HIGH alerts raised in the last day on cases their program is in; to each co-facilitator, the
 * HIGH alerts of the comuna raised in the last day. At most one digest per person per day: the
 * reminder_digest row (user, day) is claimed with INSERT ... ON CONFLICT DO NOTHING, so several nodes
 * (or a second run) send it once. Cases by code and initials only.
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

    /** Off in the integration tests, where a digest at an unknown moment would add mails to other classes' outboxes. */
    @Inject
    @ConfigProperty(name = "portal.reminders.scheduled", defaultValue = "true")
    boolean scheduledRuns;

    /** Daily from 08:30 on one node; a day whose run failed (an outage) is sent later that day. */
    public static final JobSpec JOB = JobSpec.oncePerCluster("reminder-digest", new Cadence.Daily(LocalTime.of(8, 30)));

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

    /** Sends the digests of a comuna for {@code day}; returns the usernames mailed by this call. */
    public List<String> send(long comunaId, LocalDate day) {
        return sendFor(comunaId, day);
    }

    private List<String> sendFor(long comunaId, LocalDate day) {
        Map<Long, List<String>> items = new LinkedHashMap<>();
        Map<Long, String[]> users = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> tasks = em.createNativeQuery("SELECT u.id, u.username, u.email, cf.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, t.months, t.due_on FROM followup_task t"
                        + " JOIN case_file cf ON cf.id = t.case_id JOIN child ch ON ch.id = cf.child_id"
                        + " JOIN app_user u ON u.program_id = t.program_id AND u.role = 'PROFESIONAL' AND u.enabled"
                        + " WHERE t.comuna_id = ?1 AND t.done_on IS NULL AND t.due_on <= CAST(?2 AS DATE)"
                        + " ORDER BY u.id, t.due_on").setParameter(1, comunaId).setParameter(2, day).getResultList();
        for (Object[] r : tasks) {
            add(items, users, r, "Seguimiento post-egreso de " + r[7] + " meses del caso " + r[3] + " ("
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
            add(items, users, r, "Acción del plan de trabajo del caso " + r[3] + " ("
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
            add(items, users, r, "Alerta ALTA (" + AlertTexts.kind((String) r[7]) + ") en el caso " + r[3] + " ("
                    + cl.redlocal.portal.cases.entity.Child.initialsOf((String) r[4], (String) r[5], (String) r[6]) + ")");
        }
        List<String> sent = new ArrayList<>();
        for (Map.Entry<Long, List<String>> e : items.entrySet()) {
            int claimed = em.createNativeQuery("INSERT INTO reminder_digest (user_id, day, items) VALUES (?1, CAST(?2 AS DATE),"
                            + " ?3) ON CONFLICT DO NOTHING").setParameter(1, e.getKey()).setParameter(2, day)
                    .setParameter(3, e.getValue().size()).executeUpdate();
            if (claimed == 0) {
                continue;
            }
            String[] user = users.get(e.getKey());
            outbox.enqueue(OutgoingMail.text(comunaId, user[1], "Red Local: recordatorios del " + day,
                    "Pendientes para hoy en Red Local:\n\n- " + String.join("\n- ", e.getValue())
                            + "\n\nIngrese al portal para revisarlos."));
            sent.add(user[0]);
        }
        audit.record(AuditAction.CREATE, "REMINDER_DIGEST", comunaId, AuditOutcome.SUCCESS,
                sent.size() + " resúmenes diarios");
        return sent;
    }

    private static void add(Map<Long, List<String>> items, Map<Long, String[]> users, Object[] r, String line) {
        long user = ((Number) r[0]).longValue();
        users.putIfAbsent(user, new String[] {(String) r[1], (String) r[2]});
        items.computeIfAbsent(user, k -> new ArrayList<>()).add(line);
    }
}
