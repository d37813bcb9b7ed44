package cl.redlocal.portal.diagnosis.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One full diagnosis of a case, made with one version of the instrument. Its version guards the
 * complements added to it and its replacement by a new full diagnosis (optimistic locking).
 */
@Entity
@Table(name = "diagnosis")
public class Diagnosis extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    public enum State { CURRENT, SUPERSEDED }

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private Long comunaId;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "instrument_id", nullable = false, updatable = false)
    private Long instrumentId;

    @Column(name = "program_id", nullable = false, updatable = false)
    private Long programId;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.CURRENT;

    private String reason;

    private String summary;

    @Column(name = "completed_at", nullable = false, updatable = false)
    private Instant completedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected Diagnosis() {
    }

    public Diagnosis(long comunaId, long caseId, int number, long instrumentId, long programId, String author,
                     String authorName, String reason, String summary, Instant completedAt) {
        this.comunaId = comunaId;
        this.caseId = caseId;
        this.number = number;
        this.instrumentId = instrumentId;
        this.programId = programId;
        this.author = author;
        this.authorName = authorName;
        this.reason = reason;
        this.summary = summary;
        this.completedAt = completedAt;
    }

    public void supersede(Instant at) {
        state = State.SUPERSEDED;
        supersededAt = at;
    }

    public Long getComunaId() { return comunaId; }
    public Long getCaseId() { return caseId; }
    public int getNumber() { return number; }
    public Long getInstrumentId() { return instrumentId; }
    public Long getProgramId() { return programId; }
    public String getAuthor() { return author; }
    public String getAuthorName() { return authorName; }
    public State getState() { return state; }
    public String getReason() { return reason; }
    public String getSummary() { return summary; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getSupersededAt() { return supersededAt; }
}
