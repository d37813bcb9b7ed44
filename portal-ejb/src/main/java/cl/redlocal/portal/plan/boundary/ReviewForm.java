package cl.redlocal.portal.plan.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A plan review: when, what was said, and per goal whether it was achieved. */
public record ReviewForm(
        @NotNull(message = "{plan.review.reviewedOn.required}") @PastOrPresent(message = "{plan.review.reviewedOn.future}")
        LocalDate reviewedOn,
        @NotBlank(message = "{plan.review.notes.required}") @Size(max = 4000) String notes,
        @NotNull List<@Valid GoalAchievement> goals) implements Serializable {
}
