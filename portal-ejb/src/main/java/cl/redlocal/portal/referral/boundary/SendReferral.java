package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.referral.entity.Urgency;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/**
 * A referral as the sending professional writes it. The family's consent is required unless a court
 * ordered the referral (then the order stands in for it, and the note says so): an assisted referral
 * works with the family, and a program receiving a family that never agreed starts on the wrong foot.
 */
public record SendReferral(
        @NotNull Long caseId,
        @NotNull(message = "{referral.target.required}") Long toProgramId,
        @NotBlank(message = "{referral.reason.required}") @Size(max = 1000) String reason,
        @Size(max = 4000) String summary,
        @NotNull(message = "{referral.urgency.required}") Urgency urgency,
        boolean consent,
        @Size(max = 500) String consentNote,
        boolean courtOrdered) implements Serializable {

    @AssertTrue(message = "{referral.consent.required}")
    public boolean isConsentRecorded() {
        return consent || courtOrdered;
    }
}
