package cl.redlocal.portal.mgc.minutes.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement as the minutes record it: where it was made (an agenda item or a case item of the session),
 * what, who answers for it (institution and person required; e-mail, portal user and program optional),
 * by when (not before the session's day: the service checks it), and the cases or referrals it concerns.
 */
public record AgreementForm(
        Long agendaItemId,
        Long caseItemId,
        @NotBlank(message = "{mgc.agreement.description.required}") @Size(max = 2000) String description,
        @NotBlank(message = "{mgc.agreement.institution.required}") @Size(max = 150) String responsibleInstitution,
        @NotBlank(message = "{mgc.agreement.responsible.required}") @Size(max = 150) String responsibleName,
        @Email(message = "{mgc.agreement.email.invalid}") @Size(max = 254) String responsibleEmail,
        Long responsibleUserId,
        Long responsibleProgramId,
        @NotNull(message = "{mgc.agreement.dueOn.required}") LocalDate dueOn,
        List<Long> caseIds,
        List<Long> referralIds) implements Serializable {

    public AgreementForm {
        caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        referralIds = referralIds == null ? List.of() : List.copyOf(referralIds);
    }
}
