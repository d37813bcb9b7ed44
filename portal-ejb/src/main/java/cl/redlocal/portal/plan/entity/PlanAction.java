package cl.redlocal.portal.plan.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action of the plan, answered for by one program (and a person of it, or a named person). It is
 * overdue when still open past its due day.
 */
@Entity
@Table(name = "plan_action")
public class PlanAction extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "plan_id", nullable = false, updatable = false)
    private long planId;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "goal_id", nullable = false)
    private long goalId;

    @Column(nullable = false)
    private String description;

    @Column(name = "program_id", nullable = false)
    private long programId;

    @Column(name = "responsible_user_id")
    private Long responsibleUserId;

    @Column(name = "responsible_name")
    private String responsibleName;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status = ActionStatus.PENDING;

    @Column(nullable = false)
    private int progress;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected PlanAction() {
    }

    public PlanAction(long planId, long comunaId, String createdBy) {
        this.planId = planId;
        this.comunaId = comunaId;
        this.createdBy = createdBy;
    }

    /** Rewrites the action; a done action is complete, whatever progress was typed. */
    public void rewrite(long goalId, String description, long programId, Long responsibleUserId,
                        String responsibleName, LocalDate startsOn, LocalDate dueOn, ActionStatus status,
                        int progress) {
        if (dueOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("due before start");
        }
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress out of range");
        }
        this.goalId = goalId;
        this.description = description.strip();
        this.programId = programId;
        this.responsibleUserId = responsibleUserId;
        this.responsibleName = responsibleName == null || responsibleName.isBlank() ? null : responsibleName.strip();
        this.startsOn = startsOn;
        this.dueOn = dueOn;
        this.status = status;
        this.progress = status == ActionStatus.DONE ? 100 : progress;
        this.updatedAt = Instant.now();
    }

    public boolean overdueOn(LocalDate today) {
        return status.open() && dueOn.isBefore(today);
    }

    public long getPlanId() {
        return planId;
    }

    public long getGoalId() {
        return goalId;
    }

    public long getProgramId() {
        return programId;
    }

    public String getDescription() {
        return description;
    }

    public Long getResponsibleUserId() {
        return responsibleUserId;
    }

    public String getResponsibleName() {
        return responsibleName;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public int getProgress() {
        return progress;
    }
}
