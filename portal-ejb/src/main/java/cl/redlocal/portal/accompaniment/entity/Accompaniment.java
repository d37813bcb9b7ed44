package cl.redlocal.portal.accompaniment.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A family under accompaniment, with its family plan written as three texts. */
@Entity
@Table(name = "accompaniment")
public class Accompaniment extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "family_id", nullable = false, updatable = false)
    private long familyId;

    @Column(name = "responsible_user_id", nullable = false)
    private long responsibleUserId;

    @Column(name = "started_on", nullable = false, updatable = false)
    private LocalDate startedOn;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "ended_by")
    private String endedBy;

    private String goals;

    @Column(name = "agreed_actions")
    private String agreedActions;

    @Column(name = "family_goals")
    private String familyGoals;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Accompaniment() {
    }

    public Accompaniment(long comunaId, long familyId, long responsibleUserId, LocalDate startedOn, String startedBy) {
        this.comunaId = comunaId;
        this.familyId = familyId;
        this.responsibleUserId = responsibleUserId;
        this.startedOn = startedOn;
        this.startedBy = startedBy;
    }

    public void writePlan(long responsibleUserId, String goals, String agreedActions, String familyGoals) {
        this.responsibleUserId = responsibleUserId;
        this.goals = blankToNull(goals);
        this.agreedActions = blankToNull(agreedActions);
        this.familyGoals = blankToNull(familyGoals);
        this.updatedAt = Instant.now();
    }

    /** Ends the accompaniment on {@code day} for {@code reason}; its sessions stay as they were. */
    public void end(LocalDate day, String reason, String by) {
        this.endedOn = day;
        this.endReason = reason.strip();
        this.endedBy = by;
        this.updatedAt = Instant.now();
    }

    public String getEndedBy() {
        return endedBy;
    }

    public String getEndReason() {
        return endReason;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public long getComunaId() {
        return comunaId;
    }

    public long getFamilyId() {
        return familyId;
    }

    public long getResponsibleUserId() {
        return responsibleUserId;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getGoals() {
        return goals;
    }

    public String getAgreedActions() {
        return agreedActions;
    }

    public String getFamilyGoals() {
        return familyGoals;
    }
}
