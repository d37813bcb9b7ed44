package cl.redlocal.portal.mgc.network.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A critical knot detected in the circuit (e.g. "PIE's waiting list over 60 days"): its evidence, the strategy
 * the table agreed, and its state until resolved. While it is not resolved it is on every agenda of its table.
 */
@Entity(name = "NetKnot")
@Table(name = "net_knot")
public class Knot extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "table_id", nullable = false, updatable = false)
    private long tableId;

    @Column(nullable = false)
    private String title;

    private String description;

    private String evidence;

    @Column(name = "evidence_link")
    private String evidenceLink;

    private String strategy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KnotState state = KnotState.OPEN;

    @Column(name = "detected_on", nullable = false)
    private LocalDate detectedOn;

    @Column(name = "detected_session_id")
    private Long detectedSessionId;

    @Column(name = "resolved_on")
    private LocalDate resolvedOn;

    private String resolution;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Knot() {
    }

    public Knot(long comunaId, long tableId, LocalDate detectedOn, Long detectedSessionId, String createdBy) {
        this.comunaId = comunaId;
        this.tableId = tableId;
        this.detectedOn = detectedOn;
        this.detectedSessionId = detectedSessionId;
        this.createdBy = createdBy;
    }

    /** Rewrites what the table knows of the knot; an agreed strategy moves an OPEN knot to IN_PROGRESS. */
    public void describe(String title, String description, String evidence, String evidenceLink, String strategy) {
        if (state == KnotState.RESOLVED) {
            throw new IllegalStateException("resolved");
        }
        this.title = title.strip();
        this.description = blankToNull(description);
        this.evidence = blankToNull(evidence);
        this.evidenceLink = blankToNull(evidenceLink);
        this.strategy = blankToNull(strategy);
        if (this.strategy != null && state == KnotState.OPEN) {
            state = KnotState.IN_PROGRESS;
        }
    }

    public void resolve(LocalDate on, String how) {
        if (state == KnotState.RESOLVED) {
            throw new IllegalStateException("already resolved");
        }
        if (on.isBefore(detectedOn)) {
            throw new IllegalArgumentException("resolved before it was detected");
        }
        state = KnotState.RESOLVED;
        resolvedOn = on;
        resolution = how.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public long getComunaId() { return comunaId; }
    public long getTableId() { return tableId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getEvidence() { return evidence; }
    public String getEvidenceLink() { return evidenceLink; }
    public String getStrategy() { return strategy; }
    public KnotState getState() { return state; }
    public LocalDate getDetectedOn() { return detectedOn; }
    public Long getDetectedSessionId() { return detectedSessionId; }
    public LocalDate getResolvedOn() { return resolvedOn; }
    public String getResolution() { return resolution; }
}
