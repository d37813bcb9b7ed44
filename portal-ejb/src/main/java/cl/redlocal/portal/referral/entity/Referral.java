package cl.redlocal.portal.referral.entity;

import cl.redlocal.portal.cases.entity.CaseFile;
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
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An assisted referral of a case from a program (or an outside institution) to a program. The
 * states and their rules live here; the case process adds the deadline and the notifications.
 */
@Entity
@Table(name = "referral")
public class Referral extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private CaseFile caseFile;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "from_program_id", updatable = false)
    private Program fromProgram;

    @Size(max = 150)
    @Column(name = "from_institution", updatable = false)
    private String fromInstitution;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_program_id", nullable = false, updatable = false)
    private Program toProgram;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralState state = ReferralState.SENT;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Urgency urgency = Urgency.NORMAL;

    @NotBlank
    @Size(max = 1000)
    @Column(nullable = false)
    private String reason;

    @Size(max = 1000)
    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected Referral() {
    }

    public Referral(CaseFile caseFile, Program fromProgram, String fromInstitution, Program toProgram,
                    Urgency urgency, String reason, Instant sentAt) {
        if (fromProgram == null && (fromInstitution == null || fromInstitution.isBlank())) {
            throw new IllegalArgumentException("referral.sender.required");
        }
        if (!toProgram.getComuna().equals(caseFile.getComuna())) {
            throw new IllegalArgumentException("referral.target.otherComuna");
        }
        if (fromProgram != null && !fromProgram.getComuna().equals(caseFile.getComuna())) {
            throw new IllegalArgumentException("referral.sender.otherComuna");
        }
        this.comuna = caseFile.getComuna();
        this.caseFile = caseFile;
        this.fromProgram = fromProgram;
        this.fromInstitution = fromInstitution;
        this.toProgram = toProgram;
        this.urgency = urgency;
        this.reason = reason;
        this.sentAt = sentAt;
    }

    public void receive() {
        requireState(ReferralState.SENT);
        state = ReferralState.RECEIVED;
    }

    public void accept(Instant at, boolean hasVacancy) {
        requirePending();
        state = hasVacancy ? ReferralState.ADMITTED : ReferralState.WAITING;
        answeredAt = at;
    }

    public void reject(String why, Instant at) {
        requirePending();
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("referral.rejection.reasonRequired");
        }
        state = ReferralState.REJECTED;
        rejectionReason = why;
        answeredAt = at;
    }

    public void withdraw() {
        requirePending();
        state = ReferralState.WITHDRAWN;
    }

    private void requirePending() {
        if (!state.isPending()) {
            throw new IllegalStateException("referral.alreadyAnswered");
        }
    }

    private void requireState(ReferralState expected) {
        if (state != expected) {
            throw new IllegalStateException("referral.state." + state);
        }
    }

    public Comuna getComuna() {
        return comuna;
    }

    public CaseFile getCaseFile() {
        return caseFile;
    }

    public Program getFromProgram() {
        return fromProgram;
    }

    public String getFromInstitution() {
        return fromInstitution;
    }

    public Program getToProgram() {
        return toProgram;
    }

    public ReferralState getState() {
        return state;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public String getReason() {
        return reason;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
