package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.referral.entity.Urgency;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A referral in a list: the case by code and initials only. */
public record ReferralRow(long id, long caseId, String caseCode, String initials, String from, String to,
                          ReferralState state, Urgency urgency, Instant sentAt, LocalDate dueOn, boolean overdue,
                          boolean escalated) implements Serializable {
}
