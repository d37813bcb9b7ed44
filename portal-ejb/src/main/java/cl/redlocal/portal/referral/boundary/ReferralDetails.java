package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.referral.entity.Urgency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A referral as its page shows it to somebody allowed to read it, with its history and what the reader
 * may do now ({@code mayAnswer}: a professional of the receiving program; {@code mayWithdraw}: of the sender).
 */
public record ReferralDetails(long id, int version, long caseId, String caseCode, String initials, Long fromProgramId,
                              String from, long toProgramId, String to, String toName, ReferralState state,
                              Urgency urgency, String reason, String summary, boolean consent, String consentNote,
                              boolean courtOrdered, String sentBy, Instant sentAt, LocalDate dueOn, Instant receivedAt,
                              Instant answeredAt, String answeredBy, String rejectionReason, String withdrawalReason,
                              Instant escalatedAt, boolean overdue, boolean mayAnswer, boolean mayWithdraw,
                              List<Event> history) implements Serializable {

    public record Event(Instant occurredAt, String actor, ReferralState stateBefore, ReferralState stateAfter,
                        String note) implements Serializable {
    }

    public boolean pending() {
        return state.isPending();
    }
}
