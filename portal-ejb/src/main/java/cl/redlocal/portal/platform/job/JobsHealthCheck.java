package cl.redlocal.portal.platform.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * A job that cannot run is never silent: readiness says DOWN, naming the job, its error and since when,
 * once it has failed for longer than portal.jobs.alarm-after-seconds (5 minutes). A short outage (the
 * database restarting) shows only in the database check; jobs catch up by themselves when it returns.
 */
@Readiness
@ApplicationScoped
public class JobsHealthCheck implements HealthCheck {

    @Inject
    Jobs jobs;

    @Override
    public HealthCheckResponse call() {
        List<JobStatus> stuck = jobs.stuck();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("jobs").status(stuck.isEmpty())
                .withData("node", jobs.node());
        for (JobStatus s : stuck) {
            response.withData(s.name(), "failing since " + s.failingSince() + " (" + s.consecutiveFailures()
                    + " tries): " + s.lastError());
        }
        return response.build();
    }
}
