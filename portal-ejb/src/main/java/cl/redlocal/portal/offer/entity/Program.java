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

import java.time.Instant;

/** A program or service of the communal offer (OPD, PPF, a CESFAM...). The offer map extends it. */
@Entity
@Table(name = "program")
public class Program extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @NotBlank
    @Size(max = 20)
    @Column(nullable = false)
    private String acronym;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgramStatus status = ProgramStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Program() {
    }

    public Program(Comuna comuna, String acronym, String name, Sector sector) {
        this.comuna = comuna;
        this.acronym = acronym;
        this.name = name;
        this.sector = sector;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public String getAcronym() {
        return acronym;
    }

    public String getName() {
        return name;
    }

    public Sector getSector() {
        return sector;
    }

    public ProgramStatus getStatus() {
        return status;
    }
}
