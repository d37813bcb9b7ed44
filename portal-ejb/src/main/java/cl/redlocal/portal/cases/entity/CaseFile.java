package cl.redlocal.portal.cases.entity;

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
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;

/** The one shared case of a child in the local system, named C-2026-0153 wherever identities must not show. */
@Entity
@Table(name = "case_file")
public class CaseFile extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @Column(nullable = false, updatable = false) // unique within the comuna (V5)
    private String code;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id", nullable = false, updatable = false)
    private Child child;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status = CaseStatus.OPEN;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected CaseFile() {
    }

    public CaseFile(Comuna comuna, String code, Child child, LocalDate openedOn) {
        if (!child.getComuna().equals(comuna)) {
            throw new IllegalArgumentException("A case belongs to the comuna of its child");
        }
        this.comuna = comuna;
        this.code = code;
        this.child = child;
        this.openedOn = openedOn;
    }

    public void close(LocalDate on) {
        if (status == CaseStatus.CLOSED) {
            throw new IllegalStateException("case.alreadyClosed");
        }
        if (on.isBefore(openedOn)) {
            throw new IllegalArgumentException("case.closedBeforeOpened");
        }
        this.status = CaseStatus.CLOSED;
        this.closedOn = on;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public String getCode() {
        return code;
    }

    public Child getChild() {
        return child;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }
}
