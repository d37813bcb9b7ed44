package cl.redlocal.portal.mgc.session.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A semester or annual plan: the rule its sessions were generated from (see control.Recurrence). */
@Entity
@Table(name = "mgc_plan")
public class MgcPlan extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "table_id", nullable = false, updatable = false)
    private Long tableId;

    @Column(nullable = false)
    private String label;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Frequency frequency;

    /** ISO day of week, 1 = Monday. */
    @Column(nullable = false)
    private int weekday;

    /** MONTHLY only: 1..4, or -1 for the last such weekday of the month. */
    @Column(name = "week_of_month")
    private Integer weekOfMonth;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    private String place;

    @Column(name = "video_link")
    private String videoLink;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected MgcPlan() {
    }

    public MgcPlan(long tableId, String label, LocalDate startsOn, LocalDate endsOn, Frequency frequency,
                   DayOfWeek weekday, Integer weekOfMonth, LocalTime startTime, int durationMinutes, String place,
                   String videoLink, String createdBy) {
        this.tableId = tableId;
        this.label = label.trim();
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.frequency = frequency;
        this.weekday = weekday.getValue();
        this.weekOfMonth = frequency == Frequency.MONTHLY ? weekOfMonth : null;
        this.startTime = startTime;
        this.durationMinutes = durationMinutes;
        this.place = place;
        this.videoLink = videoLink;
        this.createdBy = createdBy;
    }

    public Long getTableId() {
        return tableId;
    }

    public String getLabel() {
        return label;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Frequency getFrequency() {
        return frequency;
    }

    public DayOfWeek getWeekday() {
        return DayOfWeek.of(weekday);
    }

    public Integer getWeekOfMonth() {
        return weekOfMonth;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getPlace() {
        return place;
    }

    public String getVideoLink() {
        return videoLink;
    }
}
