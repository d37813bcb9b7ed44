package cl.redlocal.portal.referral.entity;

import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One change of a referral: who moved it from which state to which, when, and what they said. Never edited. */
@Entity
@Table(name = "referral_event")
public class ReferralEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_before", updatable = false)
    private ReferralState stateBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_after", nullable = false, updatable = false)
    private ReferralState stateAfter;

    @Column(updatable = false)
    private String note;

    protected ReferralEvent() {
    }

    public ReferralEvent(Referral referral, Instant occurredAt, String actor, ReferralState stateBefore, String note) {
        this.comuna = referral.getComuna();
        this.referral = referral;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.stateBefore = stateBefore;
        this.stateAfter = referral.getState();
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Referral getReferral() {
        return referral;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public ReferralState getStateBefore() {
        return stateBefore;
    }

    public ReferralState getStateAfter() {
        return stateAfter;
    }

    public String getNote() {
        return note;
    }
}
