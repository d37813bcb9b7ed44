package cl.redlocal.portal.mgc.minutes.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agreement of the table: what, who answers for it (an institution and a person, optionally a portal
 * user or a program, who may then update it), by when, and where it stands. OVERDUE is derived.
 */
@Entity
@Table(name = "mgc_agreement")
public class Agreement extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "table_id", nullable = false, updatable = false)
    private long tableId;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(nullable = false)
    private String description;

    @Column(name = "responsible_institution", nullable = false)
    private String responsibleInstitution;

    @Column(name = "responsible_name", nullable = false)
    private String responsibleName;

    @Column(name = "responsible_email")
    private String responsibleEmail;

    @Column(name = "responsible_user_id")
    private Long responsibleUserId;

    @Column(name = "responsible_program_id")
    private Long responsibleProgramId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementStatus status = AgreementStatus.PENDING;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Agreement() {
    }

    public Agreement(long tableId, long comunaId, long sessionId, Long agendaItemId, String createdBy) {
        this.tableId = tableId;
        this.comunaId = comunaId;
        this.sessionId = sessionId;
        this.agendaItemId = agendaItemId;
        this.createdBy = createdBy;
    }

    public void rewrite(String description, String institution, String name, String email, Long userId,
                        Long programId, LocalDate dueOn) {
        this.description = description.strip();
        this.responsibleInstitution = institution.strip();
        this.responsibleName = name.strip();
        this.responsibleEmail = email == null || email.isBlank() ? null : email.strip();
        this.responsibleUserId = userId;
        this.responsibleProgramId = programId;
        this.dueOn = dueOn;
        this.updatedAt = Instant.now();
    }

    /** A status change; DONE records the day, leaving DONE forgets it. OVERDUE is never stored. */
    public AgreementStatus moveTo(AgreementStatus next, LocalDate today) {
        if (next == AgreementStatus.OVERDUE) {
            throw new IllegalArgumentException("OVERDUE is derived");
        }
        AgreementStatus from = status;
        this.status = next;
        this.doneOn = next == AgreementStatus.DONE ? (from == AgreementStatus.DONE ? doneOn : today) : null;
        this.updatedAt = Instant.now();
        return from;
    }

    public AgreementStatus shownOn(LocalDate today) {
        return AgreementStatus.shown(status, dueOn, today);
    }

    /** The person or program it names may update it (status and a note). */
    public boolean ownedBy(long userId, Long programId) {
        return (responsibleUserId != null && responsibleUserId == userId)
                || (programId != null && responsibleProgramId != null && responsibleProgramId.longValue() == programId);
    }

    public long getTableId() { return tableId; }
    public long getComunaId() { return comunaId; }
    public long getSessionId() { return sessionId; }
    public Long getAgendaItemId() { return agendaItemId; }
    public String getDescription() { return description; }
    public String getResponsibleInstitution() { return responsibleInstitution; }
    public String getResponsibleName() { return responsibleName; }
    public String getResponsibleEmail() { return responsibleEmail; }
    public Long getResponsibleUserId() { return responsibleUserId; }
    public Long getResponsibleProgramId() { return responsibleProgramId; }
    public LocalDate getDueOn() { return dueOn; }
    public AgreementStatus getStatus() { return status; }
    public LocalDate getDoneOn() { return doneOn; }
    public String getCreatedBy() { return createdBy; }
}
