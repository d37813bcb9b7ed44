package cl.redlocal.portal.platform.job;

import cl.redlocal.portal.platform.PortalClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scheduled jobs so that no outage stops them. A feature's {@code @Schedule} method (not
 * transactional itself) hands its work here at every tick; this decides whether a period is due, claims
 * it when one node must do it, runs it, and records the outcome. It never throws: Payara expunges a
 * non-persistent timer after two failed deliveries (EJB5119), which silently stopped the outbox after a
 * 15-second database outage. A failed period stays due, so the work runs again at the next tick and
 * catches up within one tick of the database's return.
 *
 * <p>A job's work does its database work in transactions (a cluster job's work runs in the period's own
 * transaction; an every-node job calls transactional methods): an EntityManager used outside a transaction
 * in a timeout method is closed by the container after the method returns, where a failure escapes.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());

    /** What one tick did. */
    public enum Outcome { DONE, NOT_DUE, DONE_ELSEWHERE, BUSY, FAILED }

    @Inject
    JobClaims claims;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.jobs.lease-minutes", defaultValue = "30")
    long leaseMinutes;

    @Inject
    @ConfigProperty(name = "portal.jobs.alarm-after-seconds", defaultValue = "300")
    long alarmAfterSeconds;

    private final String node = Optional.ofNullable(System.getProperty("payaramicro.name"))
            .orElse("node") + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    /** Does the job's due period, if any; never throws. */
    public Outcome run(JobSpec job, Runnable work) {
        return run(job, work, ZonedDateTime.now(clock.zone()));
    }

    /** As {@link #run(JobSpec, Runnable)} at a chosen moment (tests). */
    public Outcome run(JobSpec job, Runnable work, ZonedDateTime now) {
        State state = states.computeIfAbsent(job.name(), n -> new State(job));
        if (!state.begin()) {
            return Outcome.BUSY; // the previous tick of this job is still at work on this node
        }
        String period = null;
        try {
            Optional<String> due = job.cadence().duePeriod(now);
            if (due.isEmpty() || due.get().equals(state.donePeriod)) {
                return Outcome.NOT_DUE;
            }
            period = due.get();
            if (!job.cluster()) {
                work.run();
            } else {
                JobClaims.Claim claim = claims.claim(job.name(), period, node, leaseMinutes * 60);
                if (claim != JobClaims.Claim.CLAIMED) {
                    if (claim == JobClaims.Claim.DONE) {
                        state.donePeriod = period;
                    }
                    state.reachable();
                    return Outcome.DONE_ELSEWHERE;
                }
                claims.doAndFinish(job.name(), period, work);
            }
            state.succeeded(period);
            return Outcome.DONE;
        } catch (RuntimeException | Error e) {
            state.failed(e);
            String failedPeriod = period;
            LOG.log(Level.WARNING, e, () -> "Job " + job.name() + " failed (" + state.failures
                    + " in a row); it runs again at its next tick: " + e);
            if (job.cluster() && failedPeriod != null) {
                try {
                    claims.release(job.name(), failedPeriod, node);
                } catch (RuntimeException ignored) {
                    // the database is still away: this node takes its own claim back at the next tick anyway
                }
            }
            return Outcome.FAILED;
        } finally {
            state.end();
        }
    }

    /** This node's view of every job that has ticked here, by name. */
    public List<JobStatus> statuses() {
        return states.values().stream().map(State::status).sorted(Comparator.comparing(JobStatus::name)).toList();
    }

    /** The jobs failing for longer than portal.jobs.alarm-after-seconds. */
    public List<JobStatus> stuck() {
        Instant now = Instant.now();
        return statuses().stream().filter(s -> s.stuck(now, Duration.ofSeconds(alarmAfterSeconds))).toList();
    }

    public String node() {
        return node;
    }

    /** Forgets what this node knows of a job (tests that run a job's periods at chosen moments). */
    public void forget(String job) {
        states.remove(job);
    }

    private static final class State {
        private final JobSpec job;
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile String donePeriod;
        private volatile Instant lastSuccess;
        private volatile Instant lastFailure;
        private volatile String lastError;
        private volatile int failures;
        private volatile Instant failingSince;

        State(JobSpec job) {
            this.job = job;
        }

        boolean begin() {
            return running.compareAndSet(false, true);
        }

        void end() {
            running.set(false);
        }

        void succeeded(String period) {
            donePeriod = period;
            lastSuccess = Instant.now();
            reachable();
        }

        /** The job could do what it had to this tick (even if another node did the work). */
        void reachable() {
            failures = 0;
            failingSince = null;
        }

        void failed(Throwable e) {
            Instant now = Instant.now();
            lastFailure = now;
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getClass().getSimpleName() + ": " + root.getMessage();
            lastError = message.length() > 300 ? message.substring(0, 300) : message;
            failures++;
            if (failingSince == null) {
                failingSince = now;
            }
        }

        JobStatus status() {
            return new JobStatus(job.name(), job.cluster(), lastSuccess, donePeriod, lastFailure, lastError, failures,
                    failingSince);
        }
    }
}
