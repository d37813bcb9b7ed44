package cl.redlocal.portal.operations.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.job.JobClaims;
import cl.redlocal.portal.platform.job.JobStatus;
import cl.redlocal.portal.platform.job.Jobs;
import cl.redlocal.portal.platform.mail.MailServerWatch;
import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.platform.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's view of the background work: jobs, mail server, the own comuna's outbox. Reading
 * it shows no personal data but the recipients of refused mails, which the administrator needs to
 * correct them; retrying is audited.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class OperationsConsole {

    @Inject
    Jobs jobs;

    @Inject
    JobClaims claims;

    @Inject
    MailServerWatch mailServer;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** A job as this node saw it, with the last period the cluster finished. */
    public record JobRow(String name, boolean cluster, Instant lastSuccess, Instant lastFailure, String lastError,
                         int consecutiveFailures, Instant failingSince, String lastFinishedPeriod,
                         Instant lastFinishedAt, String lastFinishedBy) implements Serializable {
    }

    /** The mail server as this node last found it. */
    public record MailServer(Instant downSince, String lastError, Instant lastContact) implements Serializable {
    }

    public List<JobRow> jobs() {
        Map<String, Object[]> finished = new LinkedHashMap<>();
        for (Object[] r : claims.lastFinished()) {
            finished.put((String) r[0], r);
        }
        List<JobStatus> here = jobs.statuses();
        java.util.Set<String> names = new java.util.TreeSet<>(finished.keySet());
        here.forEach(s -> names.add(s.name()));
        return names.stream().map(name -> {
            JobStatus s = here.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
            Object[] f = finished.get(name);
            return new JobRow(name, s == null || s.cluster(), s == null ? null : s.lastSuccess(),
                    s == null ? null : s.lastFailure(), s == null ? null : s.lastError(),
                    s == null ? 0 : s.consecutiveFailures(), s == null ? null : s.failingSince(),
                    f == null ? null : (String) f[1], f == null ? null : SqlValues.instant(f[3]), f == null ? null : (String) f[2]);
        }).toList();
    }

    public String node() {
        return jobs.node();
    }

    public MailServer mailServer() {
        return new MailServer(mailServer.downSince(), mailServer.lastError(), mailServer.lastContact());
    }

    public Outbox.State outbox() {
        return outbox.state(caller.profile().comunaId());
    }

    public List<Outbox.FailedMail> failedMails() {
        return outbox.failed(caller.profile().comunaId(), 200);
    }

    /** Puts one refused mail (or every one, {@code id} null) of the own comuna back in line; returns how many. */
    public int retry(Long id) {
        int count = outbox.retry(caller.profile().comunaId(), id);
        audit.record(AuditAction.UPDATE, "MAIL_OUTBOX", id == null ? "todos" : id, AuditOutcome.SUCCESS,
                count + " correos fallidos reintentados");
        return count;
    }

}
