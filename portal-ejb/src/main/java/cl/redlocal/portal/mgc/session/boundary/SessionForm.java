package cl.redlocal.portal.mgc.session.boundary;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** A session added outside a plan, or a move of one (then the reason is required). */
public class SessionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long tableId;

    @NotNull(message = "{mgc.session.day.required}")
    private LocalDate day;

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

    @Size(max = 1000, message = "{mgc.reason.size}")
    private String reason;

    public Long getTableId() {
        return tableId;
    }

    public void setTableId(Long tableId) {
        this.tableId = tableId;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
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

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** A place, a video link, or both. */
    @AssertTrue(message = "{mgc.placeOrLink.required}")
    public boolean isPlaceOrLink() {
        return (place != null && !place.isBlank()) || (videoLink != null && !videoLink.isBlank());
    }
}
