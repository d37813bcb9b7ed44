package cl.redlocal.portal.offer.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An institution that runs programs: the municipality, a health service, a school, an NGO, a court... */
@Entity
@Table(name = "provider")
public class Provider extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProviderKind kind;

    @Size(max = 1000)
    private String description;

    @Size(max = 200)
    private String email;

    @Size(max = 40)
    private String phone;

    @Size(max = 300)
    private String website;

    protected Provider() {
    }

    public Provider(Comuna comuna, String name, ProviderKind kind) {
        this.comuna = comuna;
        this.name = name;
        this.kind = kind;
    }

    public void rename(String newName, ProviderKind newKind) {
        this.name = newName;
        this.kind = newKind;
    }

    public void describe(String newDescription, String newEmail, String newPhone, String newWebsite) {
        this.description = newDescription;
        this.email = newEmail;
        this.phone = newPhone;
        this.website = newWebsite;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public String getName() {
        return name;
    }

    public ProviderKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getWebsite() {
        return website;
    }
}
