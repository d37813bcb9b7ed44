package cl.redlocal.portal.cases.entity;

import cl.redlocal.portal.offer.entity.Program;
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
import java.time.LocalDate;

/**
 * How a request entered a program (modalidad de acceso) and what the program decided about it
 * (admisibilidad). Program-to-program referrals are answered on the referral itself.
 */
@Entity
@Table(name = "access_request")
public class AccessRequest extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private CaseFile caseFile;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", nullable = false, updatable = false)
    private Program program;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AccessMode mode;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AccessSource source;

    @Size(max = 200)
    @Column(name = "source_detail")
    private String sourceDetail;

    @NotNull
    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;

    @NotBlank
    @Size(max = 2000)
    @Column(nullable = false)
    private String reason;

    @Size(max = 200)
    @Column(name = "brought_by")
    private String broughtBy;

    @Column(name = "court_ordered", nullable = false)
    private boolean courtOrdered;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Admissibility decision = Admissibility.PENDING;

    @Size(max = 2000)
    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt = Instant.now();

    @Column(name = "import_batch", updatable = false)
    private String importBatch;

    protected AccessRequest() {
    }

    public AccessRequest(CaseFile caseFile, Program program, AccessMode mode, AccessSource source, String sourceDetail,
                         LocalDate requestedOn, String reason, String broughtBy, boolean courtOrdered,
                         String recordedBy, String importBatch) {
        if (!program.getComuna().equals(caseFile.getComuna())) {
            throw new IllegalArgumentException("access.program.otherComuna");
        }
        this.comuna = caseFile.getComuna();
        this.caseFile = caseFile;
        this.program = program;
        this.mode = mode;
        this.source = source;
        this.sourceDetail = sourceDetail;
        this.requestedOn = requestedOn;
        this.reason = reason;
        this.broughtBy = broughtBy;
        this.courtOrdered = courtOrdered;
        this.recordedBy = recordedBy;
        this.importBatch = importBatch;
    }

    /** The program's decision, once: admissible, not admissible, or to be referred elsewhere; always with reasons. */
    public void decide(Admissibility outcome, String why, LocalDate on, String by) {
        if (decision != Admissibility.PENDING) {
            throw new IllegalStateException("access.alreadyDecided");
        }
        if (outcome == null || outcome == Admissibility.PENDING) {
            throw new IllegalArgumentException("access.decision.required");
        }
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("access.decision.reasonRequired");
        }
        if (on.isBefore(requestedOn)) {
            throw new IllegalArgumentException("access.decision.beforeRequest");
        }
        this.decision = outcome;
        this.decisionReason = why;
        this.decidedOn = on;
        this.decidedBy = by;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public CaseFile getCaseFile() {
        return caseFile;
    }

    public Program getProgram() {
        return program;
    }

    public AccessMode getMode() {
        return mode;
    }

    public AccessSource getSource() {
        return source;
    }

    public String getSourceDetail() {
        return sourceDetail;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public String getReason() {
        return reason;
    }

    public String getBroughtBy() {
        return broughtBy;
    }

    public boolean isCourtOrdered() {
        return courtOrdered;
    }

    public Admissibility getDecision() {
        return decision;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getImportBatch() {
        return importBatch;
    }
}
