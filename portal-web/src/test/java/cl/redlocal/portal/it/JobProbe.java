package cl.redlocal.portal.it;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Inside the deployment, for JobsIT: work that writes in the job's transaction, and the module's timers. */
@Stateless
public class JobProbe {

    @PersistenceContext
    EntityManager em;

    @Resource
    TimerService timers;

    /** Writes a row in the caller's transaction (the job's), so a rollback takes it away. */
    public void write(String job) {
        em.createNativeQuery("INSERT INTO it_job_probe (job) VALUES (?1)").setParameter(1, job).executeUpdate();
    }

    /** The scheduled timers of the portal's beans that are still alive. */
    public java.util.List<String> timers() {
        return timers.getAllTimers().stream().map(t -> t.getSchedule().getHour() + " " + t.getSchedule().getMinute()
                + " " + t.getSchedule().getSecond()).sorted().toList();
    }
}
