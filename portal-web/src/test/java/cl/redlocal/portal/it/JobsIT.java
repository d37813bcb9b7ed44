package cl.redlocal.portal.it;

import cl.redlocal.portal.devtools.TestDatabaseListener;
import cl.redlocal.portal.platform.job.Cadence;
import cl.redlocal.portal.platform.job.JobSpec;
import cl.redlocal.portal.platform.job.JobStatus;
import cl.redlocal.portal.platform.job.Jobs;
import cl.redlocal.portal.platform.mail.OutboxSender;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs in the running portal: a period is done once in the cluster, a period whose work failed
 * is done at a later tick with nothing of the failed try left, another node's claim is respected until
 * its lease ends, and a database outage longer than two timer periods neither kills a timer (Payara
 * expunges one after two failed deliveries) nor throws: the jobs fail visibly and catch up by themselves
 * once the database is back.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsIT {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    /** Timers seen before the outage (kept in the deployment's class, which lives for the whole run). */
    private static List<String> timersBefore;

    @Inject
    Jobs jobs;

    @Inject
    JobProbe probe;

    private static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SANTIAGO);
    }

    private static void probeTable() throws Exception {
        TestDatabase.update("CREATE TABLE IF NOT EXISTS it_job_probe (job TEXT NOT NULL)");
        TestDatabase.update("GRANT SELECT, INSERT ON it_job_probe TO portal_app");
    }

    @Test
    @Order(1)
    void aDailyJobIsDoneOncePerDayInTheClusterFromItsTimeOn() throws Exception {
        probeTable();
        JobSpec job = JobSpec.oncePerCluster("it-daily-" + System.nanoTime(), new Cadence.Daily(LocalTime.of(8, 30)));
        AtomicInteger runs = new AtomicInteger();
        Runnable work = () -> {
            runs.incrementAndGet();
            probe.write(job.name());
        };

        assertThat(jobs.run(job, work, at("2026-12-07T08:00:00"))).isEqualTo(Jobs.Outcome.NOT_DUE);
        assertThat(jobs.run(job, work, at("2026-12-07T09:00:00"))).isEqualTo(Jobs.Outcome.DONE);
        assertThat(jobs.run(job, work, at("2026-12-07T10:00:00"))).isEqualTo(Jobs.Outcome.NOT_DUE);
        // what another node (one that knows nothing yet) finds: the day is done
        jobs.forget(job.name());
        assertThat(jobs.run(job, work, at("2026-12-07T11:00:00"))).isEqualTo(Jobs.Outcome.DONE_ELSEWHERE);
        assertThat(jobs.run(job, work, at("2026-12-08T08:31:00"))).isEqualTo(Jobs.Outcome.DONE);

        assertThat(runs.get()).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM it_job_probe WHERE job = ?", job.name())).isEqualTo(2);
        assertThat(TestDatabase.values("SELECT period FROM job_run WHERE job = ? AND finished_at IS NOT NULL ORDER BY period",
                job.name())).containsExactly("2026-12-07", "2026-12-08");
        timersBefore = probe.timers();
        assertThat(timersBefore).as("the outbox, the referral escalation, the alert rules, the daily digest").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(2)
    void aPeriodWhoseWorkFailedLeavesNothingAndIsDoneAtTheNextTick() throws Exception {
        probeTable();
        JobSpec job = JobSpec.oncePerCluster("it-fails-once-" + System.nanoTime(), new Cadence.Daily(LocalTime.MIDNIGHT));
        AtomicInteger tries = new AtomicInteger();
        Runnable work = () -> {
            probe.write(job.name());
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("la primera vez falla");
            }
        };
        ZonedDateTime now = at("2026-12-07T12:00:00");

        assertThat(jobs.run(job, work, now)).isEqualTo(Jobs.Outcome.FAILED);
        assertThat(TestDatabase.count("SELECT count(*) FROM it_job_probe WHERE job = ?", job.name())).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM job_run WHERE job = ?", job.name())).isZero();
        JobStatus failing = status(job.name());
        assertThat(failing.failing()).isTrue();
        assertThat(failing.lastError()).contains("la primera vez falla");

        assertThat(jobs.run(job, work, now.plusSeconds(15))).isEqualTo(Jobs.Outcome.DONE);
        assertThat(TestDatabase.count("SELECT count(*) FROM it_job_probe WHERE job = ?", job.name())).isEqualTo(1);
        assertThat(status(job.name()).failing()).isFalse();
    }

    @Test
    @Order(3)
    void anotherNodesClaimIsRespectedUntilItsLeaseEnds() throws Exception {
        probeTable();
        JobSpec job = JobSpec.oncePerCluster("it-claimed-" + System.nanoTime(), new Cadence.Daily(LocalTime.MIDNIGHT));
        AtomicInteger runs = new AtomicInteger();
        ZonedDateTime now = at("2026-12-07T12:00:00");
        TestDatabase.update("INSERT INTO job_run (job, period, node, started_at) VALUES (?, '2026-12-07', 'otro-nodo', now())",
                job.name());

        assertThat(jobs.run(job, runs::incrementAndGet, now)).isEqualTo(Jobs.Outcome.DONE_ELSEWHERE);
        assertThat(runs.get()).isZero();

        // that node died mid-run: after the lease (30 minutes) this one takes the period over
        TestDatabase.update("UPDATE job_run SET started_at = now() - INTERVAL '31 minutes' WHERE job = ?", job.name());
        assertThat(jobs.run(job, runs::incrementAndGet, now.plusSeconds(15))).isEqualTo(Jobs.Outcome.DONE);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT node FROM job_run WHERE job = ?", job.name())).isEqualTo(jobs.node());
    }

    @Test
    @Order(10)
    @RunAsClient
    void theDatabaseGoesAwayForLongerThanTwoTimerPeriods() throws Exception {
        TestDatabaseListener.database().close();
        Thread.sleep(25_000); // the outbox ticks every 10 s: at least two failed deliveries
    }

    @Test
    @Order(11)
    void whileItIsAwayJobsFailVisiblyWithoutThrowingAndNoTimerIsLost() {
        JobSpec job = JobSpec.oncePerCluster("it-outage-" + System.nanoTime(), new Cadence.Daily(LocalTime.MIDNIGHT));
        assertThat(jobs.run(job, () -> probe.write(job.name()))).isEqualTo(Jobs.Outcome.FAILED);
        assertThat(status(job.name()).lastError()).isNotBlank();
        JobStatus outbox = status(OutboxSender.JOB.name());
        assertThat(outbox.failing()).as("the outbox's ticks failed during the outage").isTrue();
        assertThat(outbox.consecutiveFailures()).isGreaterThanOrEqualTo(2);
        assertThat(probe.timers()).isEqualTo(timersBefore);
    }

    @Test
    @Order(12)
    @RunAsClient
    void theDatabaseReturns() throws Exception {
        TestDatabaseListener.restart();
    }

    @Test
    @Order(13)
    void jobsCatchUpByThemselvesWithinThirtySecondsOfItsReturn() throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(Duration.ofSeconds(30));
        JobStatus outbox = status(OutboxSender.JOB.name());
        while (outbox.failing() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            outbox = status(OutboxSender.JOB.name());
        }
        assertThat(outbox.failing()).as("the outbox works again").isFalse();
        assertThat(outbox.lastSuccess()).isNotNull();
        assertThat(probe.timers()).isEqualTo(timersBefore);
    }

    private JobStatus status(String name) {
        return jobs.statuses().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + name));
    }
}
