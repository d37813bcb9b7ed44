package cl.redlocal.portal.accompaniment.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** The end of a family's accompaniment: the day and why (goals achieved, family declined, moved away...). */
public record EndForm(
        @NotNull(message = "{accompaniment.end.endedOn.required}") @PastOrPresent(message = "{accompaniment.end.endedOn.future}")
        LocalDate endedOn,
        @NotBlank(message = "{accompaniment.end.reason.required}") @Size(max = 1000) String reason) implements Serializable {
}
