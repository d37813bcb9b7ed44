package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.control.PasswordHasher;
import cl.redlocal.portal.security.entity.AppUser;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.territory.Comuna;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An administrator manages the users of their own comuna: creates them, assigns role and program,
 * disables, re-enables, resets passwords. Every action is audited; users of other comunas do not exist
 * for them.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class UserAdministration {

    private static final Map<String, String> SORTABLE = Map.of(
            "username", "u.username", "fullName", "u.fullName", "role", "u.role",
            "enabled", "u.enabled", "lastLoginAt", "u.lastLoginAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @RolesAllowed(Role.Names.ADMIN)
    public long count(String text) {
        return bind(em.createQuery("SELECT COUNT(u) FROM AppUser u" + where(text), Long.class), text).getSingleResult();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<UserRow> list(String text, PageRequest page) {
        String order = " ORDER BY " + (page.sortField() == null ? "u.username" : SORTABLE.getOrDefault(page.sortField(), "u.username"))
                + (page.ascending() ? " ASC" : " DESC") + ", u.id";
        TypedQuery<UserRow> rows = em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.UserRow("
                + "u.id, u.username, u.fullName, u.email, u.role, c.name, p.acronym, u.enabled, u.lastLoginAt, u.version)"
                + " FROM AppUser u JOIN u.comuna c LEFT JOIN u.program p" + where(text) + order, UserRow.class);
        return bind(rows, text).setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
    }

    private static String where(String text) {
        return " WHERE u.comuna.id = :comuna"
                + (text == null || text.isBlank() ? "" : " AND (LOWER(u.username) LIKE :t OR LOWER(u.fullName) LIKE :t)");
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> q, String text) {
        q.setParameter("comuna", caller.profile().comunaId());
        if (text != null && !text.isBlank()) {
            q.setParameter("t", "%" + text.trim().toLowerCase(Locale.ROOT) + "%");
        }
        return q;
    }

    @RolesAllowed(Role.Names.ADMIN)
    public Optional<UserDetails> find(long id) {
        return own(id).map(u -> {
            audit.success(AuditAction.READ, "USER", id);
            return new UserDetails(u.getId(), u.getVersion(), u.getUsername(), u.getFullName(), u.getEmail(),
                    u.getRole(), u.getProgram() == null ? null : u.getProgram().getId(),
                    u.getSupportedComunas().stream().map(Comuna::getId).collect(java.util.stream.Collectors.toSet()),
                    u.isEnabled());
        });
    }

    @RolesAllowed(Role.Names.ADMIN)
    public long create(@NotNull @Valid NewUser request) {
        String username = request.username().trim().toLowerCase(Locale.ROOT);
        if (!em.createQuery("SELECT u.id FROM AppUser u WHERE u.username = :u").setParameter("u", username)
                .getResultList().isEmpty()) {
            throw new BusinessException("user.username.taken", username);
        }
        Comuna comuna = em.find(Comuna.class, caller.profile().comunaId());
        String hash = hasher.hash(request.initialPassword().toCharArray());
        AppUser user;
        try {
            user = new AppUser(username, request.fullName().trim(), request.email().trim(), request.role(), comuna,
                    program(request.role(), request.programId()), hash);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
        user.resetPassword(hash); // the administrator chose this password: the person replaces it at first sign-in
        if (request.role() == Role.GESTOR_TERRITORIAL) {
            user.supportComunas(comunas(request.supportedComunaIds()));
        }
        em.persist(user);
        em.flush();
        audit.success(AuditAction.USER_CREATE, "USER", user.getId());
        return user.getId();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public void update(@NotNull @Valid UserChange change) {
        AppUser user = editable(change.id(), change.version());
        if (user.getId() == caller.profile().userId() && change.role() != Role.ADMIN) {
            throw new BusinessException("user.self.demote");
        }
        try {
            user.assign(change.role(), user.getComuna(), program(change.role(), change.programId()));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
        user.updateContact(change.fullName().trim(), change.email().trim());
        if (change.role() == Role.GESTOR_TERRITORIAL) {
            user.supportComunas(comunas(change.supportedComunaIds()));
        }
        flush();
        audit.success(AuditAction.USER_UPDATE, "USER", user.getId());
    }

    @RolesAllowed(Role.Names.ADMIN)
    public void disable(long id, int version) {
        AppUser user = editable(id, version);
        if (user.getId() == caller.profile().userId()) {
            throw new BusinessException("user.self.disable");
        }
        user.disable();
        flush();
        audit.success(AuditAction.USER_DISABLE, "USER", id);
    }

    @RolesAllowed(Role.Names.ADMIN)
    public void enable(long id, int version) {
        AppUser user = editable(id, version);
        user.enable();
        flush();
        audit.success(AuditAction.USER_ENABLE, "USER", id);
    }

    /** Sets a temporary password that the person must change at their next sign-in. */
    @RolesAllowed(Role.Names.ADMIN)
    public void resetPassword(long id, int version,
                              @NotNull @Size(min = PasswordHasher.MIN_LENGTH, max = 200, message = "{user.password.size}")
                              String temporaryPassword) {
        AppUser user = editable(id, version);
        user.resetPassword(hasher.hash(temporaryPassword.toCharArray()));
        flush();
        em.createNativeQuery("DELETE FROM login_throttle WHERE username = ?1").setParameter(1, user.getUsername())
                .executeUpdate();
        audit.success(AuditAction.USER_PASSWORD_RESET, "USER", id);
    }

    /** Programs of the administrator's comuna, for the role form. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<Option> programs() {
        return em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.Option(p.id, CONCAT(p.acronym, ' - ', p.name))"
                        + " FROM Program p WHERE p.comuna.id = :c ORDER BY p.acronym", Option.class)
                .setParameter("c", caller.profile().comunaId())
                .getResultList();
    }

    /** Every comuna: a territorial manager may support comunas beyond the administrator's own. */
    @RolesAllowed(Role.Names.ADMIN)
    public List<Option> comunas() {
        return em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.Option(c.id, c.name)"
                + " FROM Comuna c ORDER BY c.name", Option.class).getResultList();
    }

    private Optional<AppUser> own(long id) {
        AppUser user = em.find(AppUser.class, id);
        CallerProfile me = caller.profile();
        if (user == null || user.getComuna().getId() != me.comunaId()) {
            audit.denied("USER", id, "usuario de otra comuna o inexistente");
            return Optional.empty();
        }
        return Optional.of(user);
    }

    private AppUser editable(long id, int version) {
        AppUser user = own(id).orElseThrow(() -> new BusinessException("error.notFound"));
        if (user.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return user;
    }

    private Program program(Role role, Long programId) {
        if (role != Role.PROFESIONAL) {
            return null;
        }
        if (programId == null) {
            throw new BusinessException("user.program.required");
        }
        Program program = em.find(Program.class, programId);
        if (program == null || program.getComuna().getId() != caller.profile().comunaId()) {
            throw new BusinessException("user.program.otherComuna");
        }
        return program;
    }

    private Set<Comuna> comunas(Set<Long> ids) {
        Set<Comuna> result = new HashSet<>();
        if (ids != null) {
            for (Long id : ids) {
                Optional.ofNullable(em.find(Comuna.class, id)).ifPresent(result::add);
            }
        }
        return result;
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
    }
}
