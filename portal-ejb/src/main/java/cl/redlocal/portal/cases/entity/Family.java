package cl.redlocal.portal.cases.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A family group: siblings share it; adults of reference hang on it. */
@Entity
@Table(name = "family")
public class Family extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @NotBlank
    @Size(max = 20)
    @Column(nullable = false, updatable = false) // unique within the comuna (V5)
    private String code;

    @NotBlank
    @Size(max = 150)
    @Column(nullable = false)
    private String surname;

    @Size(max = 200)
    private String address;

    @Size(max = 100)
    private String sector;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Family() {
    }

    public Family(Comuna comuna, String code, String surname, String address, String sector) {
        this.comuna = comuna;
        this.code = code;
        this.surname = surname;
        this.address = address;
        this.sector = sector;
    }

    /** Where the family lives now. */
    public void relocate(String newAddress, String newSector) {
        this.address = newAddress;
        this.sector = newSector;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public String getCode() {
        return code;
    }

    public String getSurname() {
        return surname;
    }

    public String getAddress() {
        return address;
    }

    public String getSector() {
        return sector;
    }
}
