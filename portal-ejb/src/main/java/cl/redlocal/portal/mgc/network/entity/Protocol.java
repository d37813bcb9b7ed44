package cl.redlocal.portal.mgc.network.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A referral protocol of a comuna. Co-facilitators draft it (freely), put it on a session's agenda, and that
 * session approves it once it has begun (version 1). An approved protocol changes only as a revision with a
 * reason, which makes the next version; the service keeps each version's content.
 */
@Entity(name = "NetProtocol")
@Table(name = "net_protocol")
public class Protocol extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String purpose;

    private String contacts;

    @Column(name = "review_on")
    private LocalDate reviewOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProtocolState state = ProtocolState.DRAFT;

    @Column(name = "agenda_session_id")
    private Long agendaSessionId;

    @Column(name = "approved_session_id")
    private Long approvedSessionId;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "copied_from_id", updatable = false)
    private Long copiedFromId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "net_protocol_step", joinColumns = @JoinColumn(name = "protocol_id"))
    @OrderColumn(name = "position")
    private List<ProtocolStep> steps = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "net_protocol_program", joinColumns = @JoinColumn(name = "protocol_id"))
    @Column(name = "program_id")
    private Set<Long> programIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "net_protocol_actor", joinColumns = @JoinColumn(name = "protocol_id"))
    @Column(name = "actor_id")
    private Set<Long> actorIds = new LinkedHashSet<>();

    protected Protocol() {
    }

    public Protocol(long comunaId, String createdBy, Long copiedFromId) {
        this.comunaId = comunaId;
        this.createdBy = createdBy;
        this.copiedFromId = copiedFromId;
    }

    /** Rewrites a draft (anything goes until it is approved). */
    public void redraft(Content content, String by) {
        if (state != ProtocolState.DRAFT) {
            throw new IllegalStateException("an approved protocol changes only by a revision");
        }
        write(content, by);
    }

    /** Puts the draft on a session's agenda (or takes it off with null). */
    public void putOnAgenda(Long sessionId) {
        if (state != ProtocolState.DRAFT) {
            throw new IllegalStateException("already approved");
        }
        this.agendaSessionId = sessionId;
    }

    public boolean isOnAgendaOf(long sessionId) {
        return agendaSessionId != null && agendaSessionId == sessionId;
    }

    /** The session whose agenda carries it approves it: version 1. */
    public void approve(long sessionId, Instant at, String by) {
        if (state != ProtocolState.DRAFT || !isOnAgendaOf(sessionId)) {
            throw new IllegalStateException("only a draft on this session's agenda is approved in it");
        }
        state = ProtocolState.APPROVED;
        approvedSessionId = sessionId;
        approvedAt = at;
        approvedBy = by;
        currentVersion = 1;
        updatedBy = by;
        updatedAt = at;
    }

    /** A change to an approved protocol: the next version (its reason is kept with the version). */
    public int revise(Content content, String by) {
        if (state != ProtocolState.APPROVED) {
            throw new IllegalStateException("a draft is redrafted, not revised");
        }
        write(content, by);
        return ++currentVersion;
    }

    private void write(Content content, String by) {
        title = content.title().strip();
        purpose = content.purpose().strip();
        contacts = content.contacts() == null || content.contacts().isBlank() ? null : content.contacts().strip();
        reviewOn = content.reviewOn();
        steps.clear();
        steps.addAll(content.steps());
        programIds.clear();
        programIds.addAll(content.programIds());
        actorIds.clear();
        actorIds.addAll(content.actorIds());
        updatedBy = by;
        updatedAt = Instant.now();
    }

    /** What a protocol says; the same shape for drafting, revising and copying. */
    public record Content(String title, String purpose, String contacts, LocalDate reviewOn, List<ProtocolStep> steps,
                          Set<Long> programIds, Set<Long> actorIds) {
        public Content {
            steps = steps == null ? List.of() : List.copyOf(steps);
            programIds = programIds == null ? Set.of() : Set.copyOf(programIds);
            actorIds = actorIds == null ? Set.of() : Set.copyOf(actorIds);
        }
    }

    public Content content() {
        return new Content(title, purpose, contacts, reviewOn, List.copyOf(steps), Set.copyOf(programIds),
                Set.copyOf(actorIds));
    }

    public long getComunaId() { return comunaId; }
    public String getTitle() { return title; }
    public String getPurpose() { return purpose; }
    public String getContacts() { return contacts; }
    public LocalDate getReviewOn() { return reviewOn; }
    public ProtocolState getState() { return state; }
    public Long getAgendaSessionId() { return agendaSessionId; }
    public Long getApprovedSessionId() { return approvedSessionId; }
    public Instant getApprovedAt() { return approvedAt; }
    public String getApprovedBy() { return approvedBy; }
    public int getCurrentVersion() { return currentVersion; }
    public Long getCopiedFromId() { return copiedFromId; }
    public String getCreatedBy() { return createdBy; }
    public String getUpdatedBy() { return updatedBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<ProtocolStep> getSteps() { return List.copyOf(steps); }
    public Set<Long> getProgramIds() { return Set.copyOf(programIds); }
    public Set<Long> getActorIds() { return Set.copyOf(actorIds); }
}
