package cl.redlocal.portal.mgc.network.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** A training given in a session's topic block: subject, who gave it, how many attended (and who). */
@Entity(name = "NetTraining")
@Table(name = "net_training")
public class Training extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "table_id", nullable = false, updatable = false)
    private long tableId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(nullable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TrainingKind kind;

    @Column(name = "given_by", nullable = false)
    private String givenBy;

    @Column(nullable = false)
    private int attendees;

    @Column(name = "attendee_names")
    private String attendeeNames;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Training() {
    }

    public Training(long comunaId, long tableId, long sessionId, Long agendaItemId, String createdBy) {
        this.comunaId = comunaId;
        this.tableId = tableId;
        this.sessionId = sessionId;
        this.agendaItemId = agendaItemId;
        this.createdBy = createdBy;
    }

    public void record(String subject, TrainingKind kind, String givenBy, int attendees, String attendeeNames) {
        if (attendees < 0) {
            throw new IllegalArgumentException("attendees");
        }
        this.subject = subject.strip();
        this.kind = kind;
        this.givenBy = givenBy.strip();
        this.attendees = attendees;
        this.attendeeNames = attendeeNames == null || attendeeNames.isBlank() ? null : attendeeNames.strip();
    }

    public long getComunaId() { return comunaId; }
    public long getTableId() { return tableId; }
    public long getSessionId() { return sessionId; }
    public Long getAgendaItemId() { return agendaItemId; }
    public String getSubject() { return subject; }
    public TrainingKind getKind() { return kind; }
    public String getGivenBy() { return givenBy; }
    public int getAttendees() { return attendees; }
    public String getAttendeeNames() { return attendeeNames; }
}
