package cl.redlocal.portal.web.admin;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.NewUser;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.security.boundary.UserAdministration;
import cl.redlocal.portal.security.boundary.UserChange;
import cl.redlocal.portal.security.boundary.UserDetails;
import cl.redlocal.portal.security.control.PasswordHasher;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Creating or editing one user: role, program, contact; disabling, re-enabling and resetting the
 * password. The version loaded with the form travels with every save, so two administrators editing
 * the same user cannot overwrite each other.
 */
@Named
@ViewScoped
public class UserBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UserAdministration users;

    @Inject
    Messages messages;

    private Long id;
    private int version;
    private boolean enabled = true;
    private boolean found = true;

    @NotBlank
    @Size(min = 3, max = 60)
    @Pattern(regexp = "[a-z0-9._-]+", message = "{user.username.pattern}")
    private String username;

    @NotBlank
    @Size(max = 150)
    private String fullName;

    @NotBlank
    @Email
    @Size(max = 200)
    private String email;

    @NotNull
    private Role role;

    private Long programId;
    private List<Long> supportedComunaIds = new ArrayList<>();

    @Size(min = PasswordHasher.MIN_LENGTH, max = 200, message = "{user.password.size}")
    private String password;

    private List<Option> programs;
    private List<Option> comunas;

    /** f:viewAction */
    public void load() {
        programs = users.programs();
        comunas = users.comunas();
        if (id == null) {
            return;
        }
        UserDetails d = users.find(id).orElse(null);
        if (d == null) {
            found = false;
            return;
        }
        version = d.version();
        username = d.username();
        fullName = d.fullName();
        email = d.email();
        role = d.role();
        programId = d.programId();
        supportedComunaIds = new ArrayList<>(d.supportedComunaIds());
        enabled = d.enabled();
    }

    public String save() {
        try {
            if (id == null) {
                if (password == null || password.isBlank()) {
                    messages.error("user:password", "user.password.required");
                    return null;
                }
                id = users.create(new NewUser(username, fullName, email, role, programId,
                        new HashSet<>(supportedComunaIds), password));
                messages.info("user.created", username);
            } else {
                users.update(new UserChange(id, version, fullName, email, role, programId,
                        new HashSet<>(supportedComunaIds)));
                messages.info("user.saved", username);
            }
            return "/admin/users.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            if (e.getCause() instanceof ConstraintViolationException cve) {
                cve.getConstraintViolations().forEach(v -> messages.error(null, v.getMessage()));
                return null;
            }
            throw e;
        }
    }

    public String toggleEnabled() {
        try {
            if (enabled) {
                users.disable(id, version);
                messages.info("user.disabled", username);
            } else {
                users.enable(id, version);
                messages.info("user.enabled", username);
            }
            return "/admin/users.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    public String resetPassword() {
        if (password == null || password.isBlank()) {
            messages.error("user:password", "user.password.required");
            return null;
        }
        try {
            users.resetPassword(id, version, password);
            messages.info("user.passwordReset", username);
            return "/admin/users.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    public boolean isProfessional() {
        return role == Role.PROFESIONAL;
    }

    public boolean isTerritorial() {
        return role == Role.GESTOR_TERRITORIAL;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isFound() {
        return found;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public List<Option> getPrograms() {
        return programs;
    }

    public List<Option> getComunas() {
        return comunas;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public List<Long> getSupportedComunaIds() {
        return supportedComunaIds;
    }

    public void setSupportedComunaIds(List<Long> supportedComunaIds) {
        this.supportedComunaIds = supportedComunaIds;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
