package cl.redlocal.portal.diagnosis.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A version of a comuna's diagnosis instrument. Only a DRAFT is edited; publishing it retires the
 * published one, whose dimensions and items stay as they were for the diagnoses made with it.
 */
@Entity
@Table(name = "diagnosis_instrument")
public class DiagnosisInstrument extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    public enum State { DRAFT, PUBLISHED, RETIRED }

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private Long comunaId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    protected DiagnosisInstrument() {
    }

    public DiagnosisInstrument(long comunaId, int number, String name) {
        this.comunaId = comunaId;
        this.number = number;
        this.name = name;
        this.state = State.DRAFT;
    }

    public void publish(String by, Instant at) {
        state = State.PUBLISHED;
        publishedBy = by;
        publishedAt = at;
    }

    public void retire() {
        state = State.RETIRED;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public Long getComunaId() { return comunaId; }
    public int getNumber() { return number; }
    public String getName() { return name; }
    public State getState() { return state; }
    public Instant getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
}
