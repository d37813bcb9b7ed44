package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A follow-up of an agreement: the new status and a note (with the session, when made during one). */
public record StatusChange(@NotNull(message = "{mgc.agreement.status.required}") AgreementStatus status,
                           @NotBlank(message = "{mgc.agreement.note.required}") @Size(max = 2000) String note,
                           Long sessionId) implements Serializable {

    /** OVERDUE is what the portal shows, never a status someone sets. */
    @AssertTrue(message = "{mgc.agreement.status.required}")
    public boolean isStoredStatus() {
        return status != AgreementStatus.OVERDUE;
    }
}
