package cl.redlocal.portal.plan.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** A goal of the plan, tied to one diagnosis dimension; any involved program may add one. */
@Entity
@Table(name = "plan_goal")
public class PlanGoal extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "plan_id", nullable = false, updatable = false)
    private long planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Dimension dimension;

    @Column(nullable = false)
    private String description;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_by_program_id", updatable = false)
    private Long addedByProgramId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected PlanGoal() {
    }

    public PlanGoal(long planId, Dimension dimension, String description, String addedBy, Long addedByProgramId) {
        this.planId = planId;
        this.addedBy = addedBy;
        this.addedByProgramId = addedByProgramId;
        rewrite(dimension, description);
    }

    public final void rewrite(Dimension dimension, String description) {
        this.dimension = dimension;
        this.description = description.strip();
    }

    public long getPlanId() {
        return planId;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Dimension getDimension() {
        return dimension;
    }

    public String getDescription() {
        return description;
    }
}
