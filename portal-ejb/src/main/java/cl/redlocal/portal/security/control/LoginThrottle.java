package cl.redlocal.portal.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import cl.redlocal.portal.platform.SqlValues;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Locks a user name for a while after repeated failed sign-ins. Kept in the database so every node
 * of a cluster counts the same failures; counted per user name whether or not it exists, so the
 * lock tells an attacker nothing about which names are real.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.security.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "portal.security.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    public Optional<Instant> lockedUntil(String username) {
        List<?> rows = em.createNativeQuery(
                        "SELECT locked_until FROM login_throttle WHERE username = ?1 AND locked_until > now()")
                .setParameter(1, username)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(SqlValues.instant(rows.get(0)));
    }

    /** Counts one more failure; returns the end of the lock when this failure started one. */
    public Optional<Instant> recordFailure(String username) {
        Object lockedUntil = em.createNativeQuery("""
                        INSERT INTO login_throttle AS t (username, failures, last_failure_at, locked_until)
                        VALUES (?1, 1, now(), CASE WHEN 1 >= ?2 THEN now() + make_interval(mins => ?3) END)
                        ON CONFLICT (username) DO UPDATE SET
                            failures = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN 1
                                            ELSE t.failures + 1 END,
                            last_failure_at = now(),
                            locked_until = CASE
                                WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN NULL
                                WHEN t.failures + 1 >= ?2 THEN now() + make_interval(mins => ?3)
                                ELSE t.locked_until END
                        RETURNING locked_until""")
                .setParameter(1, username)
                .setParameter(2, maxFailures)
                .setParameter(3, lockMinutes)
                .getSingleResult();
        return lockedUntil == null ? Optional.empty() : Optional.of(SqlValues.instant(lockedUntil));
    }

    public void reset(String username) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE username = ?1").setParameter(1, username).executeUpdate();
    }

}
