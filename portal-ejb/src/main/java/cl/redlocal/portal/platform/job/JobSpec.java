package cl.redlocal.portal.platform.job;

/**
 * A scheduled job: its name (the key in {@code job_run} and on the administrator's page), when it is
 * due, and who does it.
 *
 * @param cluster true when one node of the cluster does each period (claimed in {@code job_run}, the
 *                work and the period's end committed together); false when every node runs it and the
 *                work itself is safe on several nodes (the outbox claims its rows with SKIP LOCKED)
 */
public record JobSpec(String name, Cadence cadence, boolean cluster) {

    public static JobSpec oncePerCluster(String name, Cadence cadence) {
        return new JobSpec(name, cadence, true);
    }

    public static JobSpec onEveryNode(String name, Cadence cadence) {
        return new JobSpec(name, cadence, false);
    }
}
