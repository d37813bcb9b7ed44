package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.security.control.LoginThrottle;
import cl.redlocal.portal.security.control.PasswordHasher;
import cl.redlocal.portal.security.entity.AppUser;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a user name and password for the identity store. Open to anonymous callers by nature; it
 * throttles repeated failures and audits every attempt.
 */
@Stateless
@PermitAll
public class SignInService {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @PermitAll
    public SignInResult signIn(String rawUsername, char[] password) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
        List<AppUser> found = em.createQuery("SELECT u FROM AppUser u WHERE u.username = :u", AppUser.class)
                .setParameter("u", username)
                .getResultList();
        AppUser user = found.isEmpty() ? null : found.get(0);
        Optional<Instant> locked = throttle.lockedUntil(username);
        if (locked.isPresent()) {
            audit.recordFor(username, user == null ? null : user.getRole().name(),
                    user == null ? null : user.getComuna().getId(), AuditAction.SIGN_IN_LOCKED, AuditOutcome.DENIED, null);
            return new SignInResult.Locked(locked.get());
        }
        boolean passwordOk = hasher.verify(password, user == null ? null : user.getPasswordHash());

        if (user != null && passwordOk && user.isEnabled()) {
            throttle.reset(username);
            // Plain updates, not entity changes: a sign-in must not bump the version an administrator's form holds.
            em.createNativeQuery("UPDATE app_user SET last_login_at = now() WHERE id = ?1")
                    .setParameter(1, user.getId()).executeUpdate();
            if (hasher.isOutdated(user.getPasswordHash())) {
                em.createNativeQuery("UPDATE app_user SET password_hash = ?1 WHERE id = ?2")
                        .setParameter(1, hasher.hash(password)).setParameter(2, user.getId()).executeUpdate();
            }
            audit.recordFor(username, user.getRole().name(), user.getComuna().getId(), AuditAction.SIGN_IN,
                    AuditOutcome.SUCCESS, null);
            return new SignInResult.Accepted(username, Set.of(user.getRole().name()), user.isMustChangePassword());
        }

        Optional<Instant> nowLocked = throttle.recordFailure(username);
        String why = user == null ? "usuario desconocido" : !passwordOk ? "contraseña incorrecta" : "cuenta deshabilitada";
        audit.recordFor(username, user == null ? null : user.getRole().name(),
                user == null ? null : user.getComuna().getId(), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE, why);
        return nowLocked.<SignInResult>map(SignInResult.Locked::new).orElseGet(SignInResult.Rejected::new);
    }

    /**
     * A signed-in session's account as it is now: an administrator may have disabled it or changed its
     * role since sign-in. Empty when the account no longer exists.
     */
    @PermitAll
    public Optional<Standing> standing(String username) {
        return em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.Standing(u.role, u.enabled)"
                        + " FROM AppUser u WHERE u.username = :u", Standing.class)
                .setParameter("u", username).getResultList().stream().findFirst();
    }
}
