package cl.redlocal.portal.plan.boundary;

import cl.redlocal.portal.plan.entity.ActionStatus;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An action of the plan: the goal it serves, the program that answers for it and its person (a user of
 * that program or a name), its dates, status and progress.
 */
public record ActionForm(
        @NotNull(message = "{plan.action.goal.required}") Long goalId,
        @NotBlank(message = "{plan.action.description.required}") @Size(max = 1000) String description,
        @NotNull(message = "{plan.action.program.required}") Long programId,
        Long responsibleUserId,
        @Size(max = 150) String responsibleName,
        @NotNull(message = "{plan.action.startsOn.required}") LocalDate startsOn,
        @NotNull(message = "{plan.action.dueOn.required}") LocalDate dueOn,
        @NotNull(message = "{plan.action.status.required}") ActionStatus status,
        @Min(value = 0, message = "{plan.action.progress.range}") @Max(value = 100, message = "{plan.action.progress.range}")
        int progress) implements Serializable {

    /** Shown beside the due day. */
    @AssertTrue(message = "{plan.action.dueOn.beforeStart}")
    public boolean isDueAfterStart() {
        return startsOn == null || dueOn == null || !dueOn.isBefore(startsOn);
    }

    /** Shown beside the person's name. */
    @AssertTrue(message = "{plan.action.responsible.required}")
    public boolean isResponsibleGiven() {
        return responsibleUserId != null || (responsibleName != null && !responsibleName.isBlank());
    }
}
