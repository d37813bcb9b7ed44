package cl.redlocal.portal.mgc.minutes.entity;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The minutes of one session. Its own text is the decisions; attendance, item notes and case
 * discussions live on the session's rows. Approval by the next session locks it; a correction after that
 * raises {@link #getCurrentVersion()} (each version is a snapshot in mgc_minutes_version).
 */
@Entity
@Table(name = "mgc_minutes")
public class Minutes extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MinutesState state = MinutesState.DRAFT;

    private String decisions;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_in_session_id")
    private Long approvedInSessionId;

    @Column(name = "approval_corrections")
    private String approvalCorrections;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Minutes() {
    }

    public Minutes(long sessionId, String by) {
        this.sessionId = sessionId;
        this.updatedBy = by;
    }

    public boolean locked() {
        return state == MinutesState.APPROVED;
    }

    /** Refuses any change to approved minutes: a correction is the only way, and it makes a version. */
    public void checkEditable() {
        if (locked()) {
            throw new BusinessException("mgc.minutes.locked");
        }
    }

    public void writeDecisions(String decisions, String by) {
        checkEditable();
        this.decisions = decisions == null || decisions.isBlank() ? null : decisions.strip();
        touched(by);
    }

    /** Approved by the next session, with the corrections made (null when none); the first version. */
    public int approve(long inSessionId, String corrections, String by, Instant at) {
        checkEditable();
        this.state = MinutesState.APPROVED;
        this.approvedAt = at;
        this.approvedBy = by;
        this.approvedInSessionId = inSessionId;
        this.approvalCorrections = corrections == null || corrections.isBlank() ? null : corrections.strip();
        this.currentVersion = 1;
        touched(by);
        return currentVersion;
    }

    /** A correction of approved minutes: the decisions may change, and the version number grows. */
    public int correct(String decisions, String by) {
        if (!locked()) {
            throw new BusinessException("mgc.minutes.correct.notApproved");
        }
        this.decisions = decisions == null || decisions.isBlank() ? null : decisions.strip();
        this.currentVersion++;
        touched(by);
        return currentVersion;
    }

    /** Moves the version, so a stale page's write of another part of the minutes is refused. */
    public void touched(String by) {
        this.updatedBy = by;
        this.updatedAt = Instant.now();
    }

    public long getSessionId() {
        return sessionId;
    }

    public MinutesState getState() {
        return state;
    }

    public String getDecisions() {
        return decisions;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Long getApprovedInSessionId() {
        return approvedInSessionId;
    }

    public String getApprovalCorrections() {
        return approvalCorrections;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
