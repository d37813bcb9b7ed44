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
import java.time.LocalDate;

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

    @Size(max = 4000)
    private String summary;

    @Column(nullable = false)
    private boolean consent;

    @Size(max = 500)
    @Column(name = "consent_note")
    private String consentNote;

    @Column(name = "court_ordered", nullable = false)
    private boolean courtOrdered;

    @Size(max = 200)
    @Column(name = "sender_email")
    private String senderEmail;

    @Column(name = "sent_by", updatable = false)
    private String sentBy;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Size(max = 1000)
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    protected Referral() {
    }

    public Referral(CaseFile caseFile, Program fromProgram, String fromInstitution, Program toProgram,
                    Urgency urgency, String reason, Instant sentAt, LocalDate dueOn) {
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
        this.dueOn = dueOn;
    }

    /** What the sender tells the receiving program beyond the reason, and the family's consent. */
    public void describe(String summary, boolean consent, String consentNote, boolean courtOrdered, String senderEmail,
                         String sentBy) {
        this.summary = summary;
        this.consent = consent;
        this.consentNote = consentNote;
        this.courtOrdered = courtOrdered;
        this.senderEmail = senderEmail;
        this.sentBy = sentBy;
    }

    public void receive(Instant at) {
        requireState(ReferralState.SENT);
        state = ReferralState.RECEIVED;
        receivedAt = at;
    }

    /**
     * The receiving program accepts: the child is admitted when there is a vacancy, and otherwise
     * joins the program's waiting list. Accepting twice is refused.
     */
    public void accept(Instant at, boolean hasVacancy) {
        accept(at, hasVacancy, null);
    }

    public void accept(Instant at, boolean hasVacancy, String by) {
        requirePending();
        state = hasVacancy ? ReferralState.ADMITTED : ReferralState.WAITING;
        answeredAt = at;
        answeredBy = by;
    }

    public void reject(String why, Instant at) {
        reject(why, at, null);
    }

    public void reject(String why, Instant at, String by) {
        requirePending();
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("referral.rejection.reasonRequired");
        }
        state = ReferralState.REJECTED;
        rejectionReason = why;
        answeredAt = at;
        answeredBy = by;
    }

    public void withdraw() {
        withdraw(null);
    }

    public void withdraw(String why) {
        requirePending();
        state = ReferralState.WITHDRAWN;
        withdrawalReason = why;
    }

    /** The child waited and now takes a slot. */
    public void admitFromWaitingList() {
        requireState(ReferralState.WAITING);
        state = ReferralState.ADMITTED;
    }

    /** The child left the waiting list without admission (referred elsewhere, family declined...). */
    public void closeFromWaitingList() {
        requireState(ReferralState.WAITING);
        state = ReferralState.CLOSED;
    }

    /** Unanswered past the due day: the co-facilitators were told. */
    public void markEscalated(Instant at) {
        escalatedAt = at;
    }

    public boolean isOverdue(LocalDate today) {
        return state.isPending() && today.isAfter(dueOn);
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

    public String getSummary() {
        return summary;
    }

    public boolean isConsent() {
        return consent;
    }

    public String getConsentNote() {
        return consentNote;
    }

    public boolean isCourtOrdered() {
        return courtOrdered;
    }

    public String getSenderEmail() {
        return senderEmail;
    }

    public String getSentBy() {
        return sentBy;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }
}
