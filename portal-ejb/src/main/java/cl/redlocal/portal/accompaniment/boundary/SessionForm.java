package cl.redlocal.portal.accompaniment.boundary;

import cl.redlocal.portal.accompaniment.entity.SessionKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** One session with the family: when, how, who attended, what happened and what comes next. */
public record SessionForm(
        @NotNull(message = "{accompaniment.session.heldOn.required}") @PastOrPresent(message = "{accompaniment.session.heldOn.future}")
        LocalDate heldOn,
        @NotNull(message = "{accompaniment.session.kind.required}") SessionKind kind,
        @NotBlank(message = "{accompaniment.session.attendees.required}") @Size(max = 500) String attendees,
        @Size(max = 4000) String notes,
        @Size(max = 1000) String nextStep) implements Serializable {
}
