package cl.redlocal.portal.mgc.session.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Someone called to a session: a member (permanent, or eventual and invited) or a one-off guest. The
 * token is the only key of the public answer link, so it is long and random. Attendance is recorded
 * in the session's minutes.
 */
@Entity
@Table(name = "mgc_participant")
public class MgcParticipant extends VersionedEntity {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(name = "session_id", nullable = false, updatable = false)
    private Long sessionId;

    @Column(name = "member_id", updatable = false)
    private Long memberId;

    @Column(name = "guest_name")
    private String guestName;

    @Column(name = "guest_institution")
    private String guestInstitution;

    @Column(name = "guest_email")
    private String guestEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Rsvp rsvp = Rsvp.PENDING;

    @Column(name = "rsvp_at")
    private Instant rsvpAt;

    @Column(name = "rsvp_token", nullable = false, updatable = false)
    private String rsvpToken;

    /** PRESENT, ABSENT or EXCUSED; null until the minutes record it. */
    @Column(name = "attendance")
    private String attendance;

    protected MgcParticipant() {
    }

    private MgcParticipant(long sessionId) {
        this.sessionId = sessionId;
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        this.rsvpToken = HexFormat.of().formatHex(bytes);
    }

    public static MgcParticipant member(long sessionId, long memberId) {
        MgcParticipant p = new MgcParticipant(sessionId);
        p.memberId = memberId;
        return p;
    }

    public static MgcParticipant guest(long sessionId, String name, String institution, String email) {
        MgcParticipant p = new MgcParticipant(sessionId);
        p.guestName = name.trim();
        p.guestInstitution = institution.trim();
        p.guestEmail = email == null || email.isBlank() ? null : email.trim();
        return p;
    }

    public void answer(Rsvp answer, Instant at) {
        if (answer == Rsvp.PENDING) {
            throw new IllegalArgumentException("an answer is YES or NO");
        }
        this.rsvp = answer;
        this.rsvpAt = at;
    }

    /** Records whether they came (null clears it). */
    public void recordAttendance(String value) {
        if (value != null && !java.util.Set.of("PRESENT", "ABSENT", "EXCUSED").contains(value)) {
            throw new IllegalArgumentException("attendance is PRESENT, ABSENT or EXCUSED");
        }
        this.attendance = value;
    }

    public String getAttendance() {
        return attendance;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public String getGuestName() {
        return guestName;
    }

    public String getGuestInstitution() {
        return guestInstitution;
    }

    public String getGuestEmail() {
        return guestEmail;
    }

    public Rsvp getRsvp() {
        return rsvp;
    }

    public Instant getRsvpAt() {
        return rsvpAt;
    }

    public String getRsvpToken() {
        return rsvpToken;
    }
}
