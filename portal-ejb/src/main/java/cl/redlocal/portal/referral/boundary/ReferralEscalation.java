package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.notify.Notifier.Notice;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.Jobs;
import cl.redlocal.portal.referral.control.ReferralNotices;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.ReferralEvent;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Nothing is left unanswered: every 15 minutes, each referral still pending after its due day is marked
 * escalated and the co-facilitators and both programs are told, once. One node does each quarter of an
 * hour ({@link Jobs}); even two runs at once would escalate a referral once, since the single
 * UPDATE ... WHERE escalated_at IS NULL RETURNING claims the rows.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.ADMIN})
public class ReferralEscalation {

    public static final String SYSTEM_ACTOR = "sistema";

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    /** Every 15 minutes on one node; a quarter of an hour missed in an outage is caught up at the next tick. */
    public static final JobSpec JOB = JobSpec.oncePerCluster("referral-escalation", new Cadence.Every(Duration.ofMinutes(15)));

    @Inject
    Jobs jobs;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        jobs.run(JOB, () -> run(clock.today()));
    }

    /** Escalates what is overdue on {@code today}; returns the ids escalated by this call. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.ADMIN})
    public List<Long> escalate(LocalDate today) {
        return run(today);
    }

    private List<Long> run(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object> claimed = em.createNativeQuery("UPDATE referral SET escalated_at = now()"
                        + " WHERE state IN ('SENT', 'RECEIVED') AND due_on < ?1 AND escalated_at IS NULL RETURNING id")
                .setParameter(1, today).getResultList();
        List<Long> ids = claimed.stream().map(o -> ((Number) o).longValue()).sorted().toList();
        Instant now = Instant.now();
        for (Long id : ids) {
            Referral r = em.find(Referral.class, id);
            em.refresh(r);
            em.persist(new ReferralEvent(r, now, SYSTEM_ACTOR, r.getState(),
                    "Plazo de respuesta vencido: escalada a co-facilitación"));
            Notice notice = ReferralNotices.escalated(r, r.getCaseFile().getChild().initials());
            long comuna = r.getComuna().getId();
            notifier.toCofacilitators(comuna, notice);
            notifier.toProgram(comuna, r.getToProgram().getId(), notice);
            if (r.getFromProgram() != null) {
                notifier.toProgram(comuna, r.getFromProgram().getId(), notice);
            } else {
                notifier.toAddress(comuna, r.getSenderEmail(), notice);
            }
            audit.record(AuditAction.UPDATE, "REFERRAL", id, AuditOutcome.SUCCESS, "escalada por plazo vencido");
        }
        return ids;
    }
}
