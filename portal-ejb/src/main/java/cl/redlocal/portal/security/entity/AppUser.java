package cl.redlocal.portal.security.entity;

import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A person who signs in: one role, one comuna (a territorial manager also supports others), a program for professionals. */
@Entity
@Table(name = "app_user")
public class AppUser extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotBlank
    @Size(min = 3, max = 60)
    @Pattern(regexp = "[a-z0-9._-]+", message = "{user.username.pattern}")
    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @NotBlank
    @Size(max = 150)
    @Column(name = "full_name", nullable = false)
    private String fullName;

    @NotBlank
    @Email
    @Size(max = 200)
    @Column(nullable = false)
    private String email;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "program_id")
    private Program program;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "user_comuna", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "comuna_id"))
    private Set<Comuna> supportedComunas = new HashSet<>();

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    // written by sign-in with a plain UPDATE, so signing in never collides with an administrator's edit
    @Column(name = "last_login_at", insertable = false, updatable = false)
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected AppUser() {
    }

    public AppUser(String username, String fullName, String email, Role role, Comuna comuna, Program program,
                   String passwordHash) {
        this.username = username == null ? null : username.trim().toLowerCase(java.util.Locale.ROOT);
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.comuna = comuna;
        assign(role, comuna, program);
    }

    /** Role, comuna and program change together: a professional needs a program of the same comuna; nobody else has one. */
    public final void assign(Role newRole, Comuna newComuna, Program newProgram) {
        if (newRole == Role.PROFESIONAL) {
            if (newProgram == null) {
                throw new IllegalArgumentException("user.program.required");
            }
            if (!newProgram.getComuna().equals(newComuna)) {
                throw new IllegalArgumentException("user.program.otherComuna");
            }
        }
        this.role = newRole;
        this.comuna = newComuna;
        this.program = newRole == Role.PROFESIONAL ? newProgram : null;
        if (newRole != Role.GESTOR_TERRITORIAL) {
            supportedComunas.clear();
        }
        touch();
    }

    public void supportComunas(Set<Comuna> comunas) {
        if (role != Role.GESTOR_TERRITORIAL) {
            throw new IllegalStateException("Only a territorial manager supports other comunas");
        }
        supportedComunas.clear();
        supportedComunas.addAll(comunas);
        touch();
    }

    public void updateContact(String newFullName, String newEmail) {
        this.fullName = newFullName;
        this.email = newEmail;
        touch();
    }

    public void disable() {
        this.enabled = false;
        touch();
    }

    public void enable() {
        this.enabled = true;
        touch();
    }

    /** An administrator set a temporary password: the person must choose their own at the next sign-in. */
    public void resetPassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = true;
        touch();
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public Program getProgram() {
        return program;
    }

    public Set<Comuna> getSupportedComunas() {
        return Set.copyOf(supportedComunas);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
