package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.control.PasswordHasher;
import cl.redlocal.portal.security.entity.AppUser;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What every signed-in person does with their own account. */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
        Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public CallerProfile me() {
        return caller.profile();
    }

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public void changePassword(@NotNull String currentPassword,
                               @NotNull @Size(min = PasswordHasher.MIN_LENGTH, max = 200, message = "{user.password.size}")
                               String newPassword) {
        AppUser me = em.find(AppUser.class, caller.profile().userId());
        if (!hasher.verify(currentPassword.toCharArray(), me.getPasswordHash())) {
            // in a transaction of its own: the refusal below rolls this one back
            audit.recordFor(me.getUsername(), me.getRole().name(), me.getComuna().getId(), AuditAction.PASSWORD_CHANGE,
                    cl.redlocal.portal.audit.control.AuditOutcome.FAILURE, "contraseña actual incorrecta");
            throw new BusinessException("account.password.wrongCurrent");
        }
        if (currentPassword.equals(newPassword)) {
            throw new BusinessException("account.password.same");
        }
        me.changePassword(hasher.hash(newPassword.toCharArray()));
        audit.success(AuditAction.PASSWORD_CHANGE, "USER", me.getId());
    }
}
