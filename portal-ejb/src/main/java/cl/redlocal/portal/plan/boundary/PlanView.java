package cl.redlocal.portal.plan.boundary;

import cl.redlocal.portal.plan.entity.Achievement;
import cl.redlocal.portal.plan.entity.ActionStatus;
import cl.redlocal.portal.plan.entity.Dimension;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan of a case as its readers see it. {@code planId} is null while nobody has written a goal yet.
 * {@code fullName} is there for the family-meeting PDF only; pages show code and initials.
 */
public record PlanView(long caseId, String caseCode, String initials, String fullName, String familyCode,
                       Long planId, int version, List<Goal> goals, List<Review> reviews,
                       List<ProgramOption> programs, List<Person> people, Long myProgramId, boolean editsEveryAction,
                       LocalDate today) implements Serializable {

    public record Goal(long id, int version, Dimension dimension, String description, String addedBy,
                       List<Action> actions) implements Serializable {
    }

    public record Action(long id, int version, long goalId, String description, long programId,
                         String programAcronym, Long responsibleUserId, String responsible, LocalDate startsOn,
                         LocalDate dueOn, ActionStatus status, int progress, boolean overdue, boolean editable)
            implements Serializable {
    }

    public record Review(long id, LocalDate reviewedOn, String reviewedBy, String notes, List<ReviewedGoal> goals)
            implements Serializable {
    }

    public record ReviewedGoal(long goalId, Dimension dimension, String description, Achievement achieved)
            implements Serializable {
    }

    public record ProgramOption(long id, String acronym, String name) implements Serializable {
    }

    public record Person(long userId, long programId, String fullName) implements Serializable {
    }

    public boolean exists() {
        return planId != null;
    }

    public List<Action> actions() {
        return goals.stream().flatMap(g -> g.actions().stream()).toList();
    }

    public long overdueCount() {
        return actions().stream().filter(Action::overdue).count();
    }

    public Review lastReview() {
        return reviews.isEmpty() ? null : reviews.get(0);
    }
}
