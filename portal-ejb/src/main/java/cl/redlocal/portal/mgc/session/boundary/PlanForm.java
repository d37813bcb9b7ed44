package cl.redlocal.portal.mgc.session.boundary;

import cl.redlocal.portal.mgc.session.entity.Frequency;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** A semester or annual plan: the rule that generates its sessions. */
public class PlanForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long tableId;

    @NotBlank(message = "{mgc.plan.label.required}")
    @Size(max = 60, message = "{mgc.plan.label.size}")
    private String label;

    @NotNull(message = "{mgc.plan.startsOn.required}")
    private LocalDate startsOn;

    @NotNull(message = "{mgc.plan.endsOn.required}")
    private LocalDate endsOn;

    @NotNull(message = "{mgc.plan.frequency.required}")
    private Frequency frequency;

    @NotNull(message = "{mgc.plan.weekday.required}")
    @Min(value = 1, message = "{mgc.plan.weekday.required}")
    @Max(value = 7, message = "{mgc.plan.weekday.required}")
    private Integer weekday;

    private Integer weekOfMonth;

    @NotBlank(message = "{mgc.time.required}")
    @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "{mgc.time.format}")
    private String startTime;

    @NotNull(message = "{mgc.duration.range}")
    @Min(value = 15, message = "{mgc.duration.range}")
    @Max(value = 600, message = "{mgc.duration.range}")
    private Integer durationMinutes;

    @Size(max = 300, message = "{mgc.place.size}")
    private String place;

    @Size(max = 500, message = "{mgc.link.size}")
    @Pattern(regexp = "^$|https?://\\S+", message = "{mgc.link.invalid}")
    private String videoLink;

    public Long getTableId() {
        return tableId;
    }

    public void setTableId(Long tableId) {
        this.tableId = tableId;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public Frequency getFrequency() {
        return frequency;
    }

    public void setFrequency(Frequency frequency) {
        this.frequency = frequency;
    }

    public Integer getWeekday() {
        return weekday;
    }

    public void setWeekday(Integer weekday) {
        this.weekday = weekday;
    }

    public Integer getWeekOfMonth() {
        return weekOfMonth;
    }

    public void setWeekOfMonth(Integer weekOfMonth) {
        this.weekOfMonth = weekOfMonth;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getVideoLink() {
        return videoLink;
    }

    public void setVideoLink(String videoLink) {
        this.videoLink = videoLink;
    }

    /** A place, a video link, or both. */
    @AssertTrue(message = "{mgc.placeOrLink.required}")
    public boolean isPlaceOrLink() {
        return (place != null && !place.isBlank()) || (videoLink != null && !videoLink.isBlank());
    }

    @AssertTrue(message = "{mgc.plan.range}")
    public boolean isRangeOrdered() {
        return startsOn == null || endsOn == null || endsOn.isAfter(startsOn);
    }

    @AssertTrue(message = "{mgc.plan.weekOfMonth.required}")
    public boolean isWeekOfMonthGiven() {
        return frequency != Frequency.MONTHLY || (weekOfMonth != null
                && (weekOfMonth == -1 || (weekOfMonth >= 1 && weekOfMonth <= 4)));
    }
}
