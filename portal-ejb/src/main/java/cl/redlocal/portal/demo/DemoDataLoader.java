package cl.redlocal.portal.demo;

import cl.redlocal.portal.security.control.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Loads the demo comuna into an empty database at start-up when {@code portal.demo.enabled} is true
 * (./run.sh sets it unless PORTAL_DEMO=false; the archive's default is off, so production never gets
 * demo users by accident). A transaction-level advisory lock makes several nodes starting together
 * load it once.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());
    private static final long LOCK_KEY = 0x5245444c4f43414cL; // "REDLOCAL"

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    cl.redlocal.portal.alert.boundary.AlertRules alertRules;

    @Inject
    @ConfigProperty(name = "portal.demo.enabled", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void load() {
        if (!enabled) {
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        long comunas = ((Number) em.createNativeQuery("SELECT count(*) FROM comuna").getSingleResult()).longValue();
        if (comunas > 0) {
            return;
        }
        long start = System.nanoTime();
        new DemoData(em, password -> hasher.hash(password.toCharArray())).generate();
        // the automatic alerts (re-entries, overdue referrals and plan actions, long waits...) at once, as the
        // hourly run would raise them (unless the scheduled runs are off, as in the integration tests)
        em.flush();
        alertRules.scheduled();
        LOG.info(() -> "Demo comuna loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
