package cl.redlocal.portal.mgc.session.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member of a table. Leaving sets the day they left and keeps the row, so the minutes of earlier
 * sessions still show who was a member then.
 */
@Entity
@Table(name = "mgc_member")
public class MgcMember extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "table_id", nullable = false, updatable = false)
    private Long tableId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberKind kind;

    @Column(nullable = false)
    private String institution;

    @Column(name = "person_name", nullable = false)
    private String personName;

    @Column(nullable = false)
    private String email;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "program_id")
    private Long programId;

    @Column(name = "joined_on", nullable = false)
    private LocalDate joinedOn;

    @Column(name = "left_on")
    private LocalDate leftOn;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected MgcMember() {
    }

    public MgcMember(long tableId, MemberKind kind, String institution, String personName, String email,
                     Long userId, Long programId, LocalDate joinedOn, String createdBy) {
        this.tableId = tableId;
        this.createdBy = createdBy;
        update(kind, institution, personName, email, userId, programId, joinedOn);
    }

    public final void update(MemberKind kind, String institution, String personName, String email, Long userId,
                             Long programId, LocalDate joinedOn) {
        if (leftOn != null && joinedOn.isAfter(leftOn)) {
            throw new IllegalArgumentException("joined after leaving");
        }
        this.kind = kind;
        this.institution = institution.trim();
        this.personName = personName.trim();
        this.email = email.trim();
        this.userId = userId;
        this.programId = programId;
        this.joinedOn = joinedOn;
    }

    /** The member leaves the table on that day; they stay in the record of earlier sessions. */
    public void leave(LocalDate on) {
        if (leftOn != null) {
            throw new IllegalStateException("already left");
        }
        if (on.isBefore(joinedOn)) {
            throw new IllegalArgumentException("left before joining");
        }
        this.leftOn = on;
    }

    /** A member on that day: joined on or before it and not left before it. */
    public boolean activeOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || !leftOn.isBefore(day));
    }

    public Long getTableId() {
        return tableId;
    }

    public MemberKind getKind() {
        return kind;
    }

    public String getInstitution() {
        return institution;
    }

    public String getPersonName() {
        return personName;
    }

    public String getEmail() {
        return email;
    }

    public Long getUserId() {
        return userId;
    }

    public Long getProgramId() {
        return programId;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }
}
