package cl.redlocal.portal.platform.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The periods of the jobs that one node of the cluster does, in {@code job_run} (this package's table).
 * A claim is committed at once, so other nodes see it; the period is finished in the same transaction as
 * its work, so a period is done exactly when its work committed. A node may take over its own unfinished
 * claim at once (its earlier try failed) and another node's after the lease (that node died mid-run).
 */
@ApplicationScoped
public class JobClaims {

    /** What a claim found. */
    public enum Claim { CLAIMED, DONE, HELD_ELSEWHERE }

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String job, String period, String node, long leaseSeconds) {
        @SuppressWarnings("unchecked")
        List<Object> claimed = em.createNativeQuery("INSERT INTO job_run (job, period, node, started_at)"
                        + " VALUES (?1, ?2, ?3, now()) ON CONFLICT (job, period) DO UPDATE SET node = EXCLUDED.node,"
                        + " started_at = now() WHERE job_run.finished_at IS NULL AND (job_run.node = EXCLUDED.node"
                        + " OR job_run.started_at < now() - make_interval(secs => ?4)) RETURNING node")
                .setParameter(1, job).setParameter(2, period).setParameter(3, node).setParameter(4, (double) leaseSeconds)
                .getResultList();
        if (!claimed.isEmpty()) {
            return Claim.CLAIMED;
        }
        Object finished = em.createNativeQuery("SELECT finished_at IS NOT NULL FROM job_run WHERE job = ?1 AND period = ?2")
                .setParameter(1, job).setParameter(2, period).getSingleResult();
        return Boolean.TRUE.equals(finished) ? Claim.DONE : Claim.HELD_ELSEWHERE;
    }

    /** The period's work and its end, in one transaction of their own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void doAndFinish(String job, String period, Runnable work) {
        work.run();
        em.createNativeQuery("UPDATE job_run SET finished_at = now() WHERE job = ?1 AND period = ?2")
                .setParameter(1, job).setParameter(2, period).executeUpdate();
    }

    /**
     * Claims and finishes a part of a period in the caller's transaction (a day's digest of one comuna): true
     * when this call took it, false when it was done already. Another node's concurrent claim waits for this
     * transaction; if it commits, the other finds the part done, if it rolls back, the other takes it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimFinished(String job, String period, String node) {
        return em.createNativeQuery("INSERT INTO job_run (job, period, node, started_at, finished_at)"
                        + " VALUES (?1, ?2, ?3, now(), now()) ON CONFLICT (job, period) DO NOTHING")
                .setParameter(1, job).setParameter(2, period).setParameter(3, node).executeUpdate() == 1;
    }

    /** Gives a failed period back at once, so that any node may do it at its next tick. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, String period, String node) {
        em.createNativeQuery("DELETE FROM job_run WHERE job = ?1 AND period = ?2 AND node = ?3 AND finished_at IS NULL")
                .setParameter(1, job).setParameter(2, period).setParameter(3, node).executeUpdate();
    }

    /** The last period each job finished in the whole cluster, for the administrator's page. */
    @Transactional
    public List<Object[]> lastFinished() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (job) job, period, node, finished_at FROM job_run"
                + " WHERE finished_at IS NOT NULL ORDER BY job, finished_at DESC, period").getResultList();
        return rows;
    }
}
