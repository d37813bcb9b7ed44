package cl.redlocal.portal.security.control;

import cl.redlocal.portal.security.entity.AppUser;
import cl.redlocal.portal.security.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person of the current request, loaded once per request from the database (so a
 * role or comuna changed by an administrator applies at once, on every node).
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext securityContext;

    @PersistenceContext
    EntityManager em;

    private CallerProfile profile;

    /** The caller's profile; fails when nobody is signed in (services are never reached anonymously). */
    public CallerProfile profile() {
        return current().orElseThrow(() -> new IllegalStateException("No signed-in caller"));
    }

    public Optional<CallerProfile> current() {
        if (profile == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                return Optional.empty();
            }
            profile = load(principal.getName()).orElse(null);
        }
        return Optional.ofNullable(profile);
    }

    private Optional<CallerProfile> load(String username) {
        List<AppUser> users = em.createQuery(
                        "SELECT u FROM AppUser u JOIN FETCH u.comuna LEFT JOIN FETCH u.program WHERE u.username = :u",
                        AppUser.class)
                .setParameter("u", username)
                .getResultList();
        if (users.isEmpty()) {
            return Optional.empty();
        }
        AppUser u = users.get(0);
        if (!u.isEnabled()) {
            return Optional.empty(); // disabled since sign-in: no service answers this session any more
        }
        Set<Long> comunaIds = new HashSet<>();
        comunaIds.add(u.getComuna().getId());
        if (u.getRole() == Role.GESTOR_TERRITORIAL) {
            u.getSupportedComunas().forEach(c -> comunaIds.add(c.getId()));
        }
        return Optional.of(new CallerProfile(u.getId(), u.getUsername(), u.getFullName(), u.getRole(),
                u.getComuna().getId(), u.getComuna().getName(),
                u.getProgram() == null ? null : u.getProgram().getId(),
                u.getProgram() == null ? null : u.getProgram().getAcronym(),
                Set.copyOf(comunaIds), u.isMustChangePassword(), u.getComuna().getCode()));
    }
}
