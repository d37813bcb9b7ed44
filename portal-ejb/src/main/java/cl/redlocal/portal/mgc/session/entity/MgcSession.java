package cl.redlocal.portal.mgc.session.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A dated session of a table. Its iCalendar UID never changes; the sequence grows with every change the
 * members were told about (a move or a cancellation of a convened session), so their calendars update
 * the one event instead of adding another. A session that took place is closed (HELD) from its minutes.
 */
@Entity
@Table(name = "mgc_session")
public class MgcSession extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "table_id", nullable = false, updatable = false)
    private Long tableId;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private Long comunaId;

    @Column(name = "plan_id", updatable = false)
    private Long planId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String place;

    @Column(name = "video_link")
    private String videoLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionState state = SessionState.PLANNED;

    @Column(name = "moved_reason")
    private String movedReason;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "ical_uid", nullable = false, updatable = false)
    private String icalUid;

    @Column(name = "ical_sequence", nullable = false)
    private int icalSequence;

    @Column(name = "convened_at")
    private Instant convenedAt;

    @Column(name = "convened_by")
    private String convenedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected MgcSession() {
    }

    public MgcSession(long tableId, long comunaId, Long planId, Instant startsAt, Instant endsAt, String place,
                      String videoLink, String createdBy) {
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("ends before it starts");
        }
        this.tableId = tableId;
        this.comunaId = comunaId;
        this.planId = planId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = blankToNull(place);
        this.videoLink = blankToNull(videoLink);
        this.createdBy = createdBy;
        this.icalUid = UUID.randomUUID() + "@mgc.redlocal.cl";
    }

    /** Moves the session; a convened one gets a new iCalendar sequence (the members receive an update). */
    public void move(Instant startsAt, Instant endsAt, String place, String videoLink, String reason) {
        if (!state.open()) {
            throw new IllegalStateException("not open");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("ends before it starts");
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = blankToNull(place);
        this.videoLink = blankToNull(videoLink);
        this.movedReason = reason.trim();
        if (state == SessionState.CONVENED) {
            icalSequence++;
        }
    }

    public void cancel(String reason) {
        if (!state.open()) {
            throw new IllegalStateException("not open");
        }
        if (state == SessionState.CONVENED) {
            icalSequence++;
        }
        this.state = SessionState.CANCELLED;
        this.cancelReason = reason.trim();
    }

    public void convene(String by, Instant at) {
        if (state != SessionState.PLANNED) {
            throw new IllegalStateException("not planned");
        }
        this.state = SessionState.CONVENED;
        this.convenedBy = by;
        this.convenedAt = at;
    }

    /** The session took place: HELD, with who closed it and when; it cannot be closed before it begins. */
    public void close(String by, Instant at) {
        if (!state.open()) {
            throw new IllegalStateException("not open");
        }
        if (at.isBefore(startsAt)) {
            throw new IllegalStateException("not begun");
        }
        this.state = SessionState.HELD;
        this.closedBy = by;
        this.closedAt = at;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getTableId() {
        return tableId;
    }

    public Long getComunaId() {
        return comunaId;
    }

    public Long getPlanId() {
        return planId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getPlace() {
        return place;
    }

    public String getVideoLink() {
        return videoLink;
    }

    public SessionState getState() {
        return state;
    }

    public String getMovedReason() {
        return movedReason;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getIcalUid() {
        return icalUid;
    }

    public int getIcalSequence() {
        return icalSequence;
    }

    public Instant getConvenedAt() {
        return convenedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public String getConvenedBy() {
        return convenedBy;
    }
}
