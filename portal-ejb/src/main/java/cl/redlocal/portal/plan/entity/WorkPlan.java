package cl.redlocal.portal.plan.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The one plan of a case; goals and actions hang from it, a review moves its version. */
@Entity
@Table(name = "work_plan")
public class WorkPlan extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "case_id", nullable = false, updatable = false)
    private long caseId;

    @Column(name = "family_id", updatable = false)
    private Long familyId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected WorkPlan() {
    }

    public WorkPlan(long comunaId, long caseId, Long familyId, String createdBy) {
        this.comunaId = comunaId;
        this.caseId = caseId;
        this.familyId = familyId;
        this.createdBy = createdBy;
    }

    public void touched(Instant at) {
        this.updatedAt = at;
    }

    public long getComunaId() {
        return comunaId;
    }

    public long getCaseId() {
        return caseId;
    }

    public Long getFamilyId() {
        return familyId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
