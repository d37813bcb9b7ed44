package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
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
 * The daily agreement reminders: to each responsible address (the agreement's e-mail, else its portal
 * user's), one mail a day listing their open agreements due within portal.mgc.agreement-reminder-days
 * and those overdue. Responsibles may have no portal account, so the digest is claimed per address and
 * day in mgc_reminder_digest with INSERT ... ON CONFLICT DO NOTHING: several nodes, or a second run, send
 * it once (the model of followup.ReminderDigest). Cases by code only.
 */
@Stateless
@RolesAllowed(Role.Names.COORDINADOR)
public class AgreementReminders {

    @Inject
    cl.redlocal.portal.security.control.Caller caller;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "portal.mgc.agreement-reminder-days", defaultValue = "3")
    int reminderDays;

    /** Off in the integration tests, where a digest at an unknown moment would add mails to other classes' outboxes. */
    @Inject
    @ConfigProperty(name = "portal.mgc.reminders.scheduled", defaultValue = "true")
    boolean scheduledRuns;

    /** Daily from 08:40 on one node; a day whose run failed (an outage) is sent later that day. */
    public static final JobSpec JOB = JobSpec.oncePerCluster("agreement-reminders", new Cadence.Daily(LocalTime.of(8, 40)));

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
        List<Object> comunas = em.createNativeQuery("SELECT DISTINCT comuna_id FROM fact_agreement"
                + " WHERE is_open ORDER BY 1").getResultList();
        for (Object comuna : comunas) {
            sendFor(((Number) comuna).longValue(), clock.today());
        }
    }

    /** Sends the reminders of the caller's own comuna for {@code day}; returns the addresses mailed by this call. */
    public List<String> send(long comunaId, LocalDate day) {
        if (comunaId != caller.profile().comunaId()) {
            audit.denied("COMUNA", comunaId, "recordatorios de acuerdos de otra comuna");
            throw new cl.redlocal.portal.platform.BusinessException("mgc.minutes.notFound");
        }
        return sendFor(comunaId, day);
    }

    private List<String> sendFor(long comunaId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT lower(COALESCE(a.responsible_email, u.email)), a.description,"
                        + " a.due_on, t.name, (SELECT string_agg(cf.code, ', ' ORDER BY cf.code) FROM mgc_agreement_case ac"
                        + " JOIN case_file cf ON cf.id = ac.case_id WHERE ac.agreement_id = a.id)"
                        + " FROM mgc_agreement a JOIN fact_agreement fa ON fa.agreement_id = a.id"
                        + " JOIN mgc_table t ON t.id = a.table_id LEFT JOIN app_user u ON u.id = a.responsible_user_id"
                        + " WHERE a.comuna_id = ?1 AND fa.is_open"
                        + " AND a.due_on <= CAST(?2 AS DATE) + ?3 AND COALESCE(a.responsible_email, u.email) IS NOT NULL"
                        + " ORDER BY 1, a.due_on, a.id")
                .setParameter(1, comunaId).setParameter(2, day).setParameter(3, reminderDays).getResultList();
        Map<String, List<String>> items = new LinkedHashMap<>();
        for (Object[] r : rows) {
            LocalDate due = SqlValues.localDate(r[2]);
            String when = due.isBefore(day) ? "ATRASADO, vencía el " + due : "vence el " + due;
            items.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r[1] + " (" + r[3] + "; " + when
                    + (r[4] == null ? "" : "; casos " + r[4]) + ")");
        }
        List<String> sent = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : items.entrySet()) {
            int claimed = em.createNativeQuery("INSERT INTO mgc_reminder_digest (email, day, items) VALUES (?1,"
                            + " CAST(?2 AS DATE), ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, e.getKey()).setParameter(2, day).setParameter(3, e.getValue().size()).executeUpdate();
            if (claimed == 0) {
                continue;
            }
            outbox.enqueue(OutgoingMail.text(comunaId, e.getKey(), "Red Local: acuerdos de la Mesa de Gestión de Casos ("
                            + day + ")",
                    "Acuerdos de la Mesa de Gestión de Casos a su cargo que vencen pronto o están atrasados:\n\n- "
                            + String.join("\n- ", e.getValue())
                            + "\n\nSi ya avanzó, infórmelo a la co-facilitación de la mesa o regístrelo en Red Local."));
            sent.add(e.getKey());
        }
        audit.record(AuditAction.CREATE, "MGC_REMINDER_DIGEST", comunaId, AuditOutcome.SUCCESS,
                sent.size() + " recordatorios de acuerdos");
        return sent;
    }
}
