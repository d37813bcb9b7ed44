package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.security.control.PasswordHasher;
import cl.redlocal.portal.security.entity.AppUser;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A new installation's way in: when the database has no user at all and
 * {@code portal.bootstrap.admin-password} is set (from the environment, never the archive), creates
 * the comuna {@code portal.bootstrap.comuna.*} and its administrator, who must choose a new password
 * at the first sign-in. Does nothing once any user exists.
 */
@Startup
@Singleton
@DependsOn("DemoDataLoader")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    private static final long LOCK_KEY = 0x5245444c4f43414dL;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.admin-password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.admin-username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.admin-email", defaultValue = "admin@localhost")
    String email;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.comuna.code", defaultValue = "00000")
    String comunaCode;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.comuna.name", defaultValue = "Comuna")
    String comunaName;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.comuna.region", defaultValue = "Región")
    String comunaRegion;

    @PostConstruct
    void createWhenNobodyCanSignIn() {
        if (password.filter(p -> p.length() >= PasswordHasher.MIN_LENGTH).isEmpty()) {
            password.ifPresent(p -> LOG.warning("portal.bootstrap.admin-password is shorter than "
                    + PasswordHasher.MIN_LENGTH + " characters: no administrator created"));
            return;
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        if (((Number) em.createNativeQuery("SELECT count(*) FROM app_user").getSingleResult()).longValue() > 0) {
            return;
        }
        List<Comuna> existing = em.createQuery("SELECT c FROM Comuna c WHERE c.code = :code", Comuna.class)
                .setParameter("code", comunaCode).getResultList();
        Comuna comuna = existing.isEmpty() ? new Comuna(comunaCode, comunaName, comunaRegion) : existing.get(0);
        if (existing.isEmpty()) {
            em.persist(comuna);
        }
        String hash = hasher.hash(password.get().toCharArray());
        AppUser admin = new AppUser(username, "Administración " + comuna.getName(), email, Role.ADMIN, comuna, null, hash);
        admin.resetPassword(hash); // chosen by whoever installed: to be replaced at the first sign-in
        em.persist(admin);
        LOG.info(() -> "First administrator '" + username + "' created for " + comuna.getName());
    }
}
