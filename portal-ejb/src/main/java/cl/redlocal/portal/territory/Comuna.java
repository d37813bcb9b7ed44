package cl.redlocal.portal.territory;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A municipality: the tenant. Every case-level row belongs to exactly one. */
@Entity
@Table(name = "comuna")
public class Comuna extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotBlank
    @Size(max = 10)
    @Column(nullable = false, unique = true)
    private String code;

    @NotBlank
    @Size(max = 100)
    @Column(nullable = false, unique = true)
    private String name;

    @NotBlank
    @Size(max = 100)
    @Column(nullable = false)
    private String region;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Comuna() {
    }

    public Comuna(String code, String name, String region) {
        this.code = code;
        this.name = name;
        this.region = region;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }
}
