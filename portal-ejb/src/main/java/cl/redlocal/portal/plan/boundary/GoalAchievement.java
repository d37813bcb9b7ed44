package cl.redlocal.portal.plan.boundary;

import cl.redlocal.portal.plan.entity.Achievement;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;

/** What a review says of one goal. */
public record GoalAchievement(@NotNull Long goalId, @NotNull(message = "{plan.review.achieved.required}") Achievement achieved)
        implements Serializable {
}
