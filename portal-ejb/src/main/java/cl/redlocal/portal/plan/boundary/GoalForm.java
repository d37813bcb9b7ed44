package cl.redlocal.portal.plan.boundary;

import cl.redlocal.portal.plan.entity.Dimension;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/** A goal as a professional writes it: which diagnosis dimension it works on, and what it aims at. */
public record GoalForm(
        @NotNull(message = "{plan.goal.dimension.required}") Dimension dimension,
        @NotBlank(message = "{plan.goal.description.required}") @Size(max = 1000) String description)
        implements Serializable {
}
