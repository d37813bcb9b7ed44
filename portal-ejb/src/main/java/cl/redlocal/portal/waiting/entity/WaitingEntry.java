package cl.redlocal.portal.waiting.entity;

import cl.redlocal.portal.cases.entity.AccessRequest;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A case waiting for a slot in a program, from an accepted referral or an admissible access request.
 * Exits are kept (never deleted), so every list's past length can be charted. Its order is the
 * unified priority (view {@code waiting_priority}) unless a co-facilitator fixed its position.
 */
@Entity
@Table(name = "waiting_entry")
public class WaitingEntry extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", nullable = false, updatable = false)
    private Program program;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private CaseFile caseFile;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "referral_id", updatable = false)
    private Referral referral;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "access_request_id", updatable = false)
    private AccessRequest accessRequest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Urgency urgency = Urgency.NORMAL;

    @Column(name = "court_ordered", nullable = false, updatable = false)
    private boolean courtOrdered;

    @Column(name = "entered_at", nullable = false, updatable = false)
    private Instant enteredAt;

    @Column(name = "exited_at")
    private Instant exitedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "exit_reason")
    private WaitingExitReason exitReason;

    @Column(name = "exit_note")
    private String exitNote;

    @Column(name = "exited_by")
    private String exitedBy;

    @Column(name = "override_position")
    private Integer overridePosition;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "override_by")
    private String overrideBy;

    @Column(name = "override_at")
    private Instant overrideAt;

    protected WaitingEntry() {
    }

    public static WaitingEntry forReferral(Referral referral, Instant at) {
        WaitingEntry e = new WaitingEntry(referral.getCaseFile(), referral.getToProgram(), referral.getUrgency(),
                referral.isCourtOrdered(), at);
        e.referral = referral;
        return e;
    }

    public static WaitingEntry forAccessRequest(AccessRequest request, Urgency urgency, Instant at) {
        WaitingEntry e = new WaitingEntry(request.getCaseFile(), request.getProgram(), urgency,
                request.isCourtOrdered(), at);
        e.accessRequest = request;
        return e;
    }

    private WaitingEntry(CaseFile caseFile, Program program, Urgency urgency, boolean courtOrdered, Instant at) {
        this.comuna = caseFile.getComuna();
        this.caseFile = caseFile;
        this.program = program;
        this.urgency = urgency;
        this.courtOrdered = courtOrdered;
        this.enteredAt = at;
    }

    public boolean isOpen() {
        return exitedAt == null;
    }

    public void exit(WaitingExitReason reason, String note, String by, Instant at) {
        if (!isOpen()) {
            throw new IllegalStateException("waiting.alreadyExited");
        }
        if (reason == null) {
            throw new IllegalArgumentException("waiting.exit.reasonRequired");
        }
        this.exitReason = reason;
        this.exitNote = note;
        this.exitedBy = by;
        this.exitedAt = at;
    }

    /** A co-facilitator fixes the entry at a position of its list (null clears it); a reason is required. */
    public void overridePosition(Integer position, String reason, String by, Instant at) {
        if (!isOpen()) {
            throw new IllegalStateException("waiting.alreadyExited");
        }
        if (position != null && position < 1) {
            throw new IllegalArgumentException("waiting.override.position");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("waiting.override.reasonRequired");
        }
        this.overridePosition = position;
        this.overrideReason = position == null ? null : reason;
        this.overrideBy = by;
        this.overrideAt = at;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public Program getProgram() {
        return program;
    }

    public CaseFile getCaseFile() {
        return caseFile;
    }

    public Referral getReferral() {
        return referral;
    }

    public AccessRequest getAccessRequest() {
        return accessRequest;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public boolean isCourtOrdered() {
        return courtOrdered;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

    public Instant getExitedAt() {
        return exitedAt;
    }

    public WaitingExitReason getExitReason() {
        return exitReason;
    }

    public String getExitNote() {
        return exitNote;
    }

    public String getExitedBy() {
        return exitedBy;
    }

    public Integer getOverridePosition() {
        return overridePosition;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getOverrideBy() {
        return overrideBy;
    }

    public Instant getOverrideAt() {
        return overrideAt;
    }
}
