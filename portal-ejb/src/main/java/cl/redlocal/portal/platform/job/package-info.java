/**
 * Scheduled work that survives outages and runs once per cluster where it must: every job is described
 * by a {@link cl.redlocal.portal.platform.job.JobSpec} (when it is due, and whether one node or every
 * node does it), run through {@link cl.redlocal.portal.platform.job.Jobs}, which never lets a failure
 * reach the container's timer (Payara expunges a timer after two failed deliveries), claims the
 * period in {@code job_run} so one node does it, retries at the next tick until the period's work has
 * committed, and keeps each job's state for readiness and the administrator's page.
 */
package cl.redlocal.portal.platform.job;
