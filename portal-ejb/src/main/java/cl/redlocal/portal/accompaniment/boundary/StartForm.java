package cl.redlocal.portal.accompaniment.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** Putting a family under accompaniment, or rewriting its family plan (startedOn is then ignored). */
public record StartForm(
        @NotNull(message = "{accompaniment.responsible.required}") Long responsibleUserId,
        @NotNull(message = "{accompaniment.startedOn.required}") @PastOrPresent(message = "{accompaniment.startedOn.future}")
        LocalDate startedOn,
        @Size(max = 4000) String goals,
        @Size(max = 4000) String agreedActions,
        @Size(max = 4000) String familyGoals) implements Serializable {
}
