package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.mgc.network.entity.TrainingKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A training given in a session (in its topic block when known): subject, kind, who gave it, attendees. */
public record TrainingForm(
        @NotNull(message = "{net.training.session.required}") Long sessionId,
        Long agendaItemId,
        @NotBlank(message = "{net.training.subject.required}") @Size(max = 300) String subject,
        @NotNull(message = "{net.training.kind.required}") TrainingKind kind,
        @NotBlank(message = "{net.training.givenBy.required}") @Size(max = 200) String givenBy,
        @NotNull(message = "{net.training.attendees.required}") @Min(value = 0, message = "{net.training.attendees.required}")
        @Max(value = 500, message = "{net.training.attendees.required}") Integer attendees,
        @Size(max = 4000) String attendeeNames) implements Serializable {
}
