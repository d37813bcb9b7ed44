package cl.redlocal.portal.platform.job;

import java.time.Duration;
import java.time.Instant;

/**
 * What this node knows of a job: its last success and, while it keeps failing, since when and why.
 *
 * @param failingSince the first failure of the current run of failures, null while the job works
 */
public record JobStatus(String name, boolean cluster, Instant lastSuccess, String lastPeriod, Instant lastFailure,
                        String lastError, int consecutiveFailures, Instant failingSince) {

    /** Failing for longer than {@code patience}: somebody must look (readiness, the administrator's page). */
    public boolean stuck(Instant now, Duration patience) {
        return failingSince != null && failingSince.plus(patience).isBefore(now);
    }

    public boolean failing() {
        return failingSince != null;
    }
}
