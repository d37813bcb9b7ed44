package cl.redlocal.portal.mgc.agenda.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One item of a session's agenda, with the notes the minutes record about it (only changed columns are
 * written, and the version refuses a stale save either way).
 */
@Entity(name = "MgcAgendaItem")
@Table(name = "mgc_agenda_item")
public class AgendaItem extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgendaBlock block;

    @Column(nullable = false)
    private String title;

    private String description;

    private String notes;

    protected AgendaItem() {
    }

    public AgendaItem(long sessionId, int position, AgendaBlock block, String title, String description) {
        this.sessionId = sessionId;
        this.position = position;
        this.block = block;
        this.title = title;
        this.description = description;
    }

    /** What was said about this item in the session (blank clears it). */
    public void writeNotes(String text) {
        this.notes = text == null || text.isBlank() ? null : text;
    }

    public String getNotes() {
        return notes;
    }

    public void edit(String newTitle, String newDescription) {
        this.title = newTitle.strip();
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
    }

    /**
     * The standard blocks stay (the agenda's structure is the table's fixed order): the first item of each
     * standard block; items added later (topics, a guest, other) may go.
     */
    public static java.util.Set<Long> standardIds(java.util.List<AgendaItem> items) {
        java.util.Map<AgendaBlock, Long> first = new java.util.EnumMap<>(AgendaBlock.class);
        for (AgendaItem i : items) {
            if (AgendaBlock.STANDARD.contains(i.block)) {
                first.merge(i.block, i.getId(), Math::min);
            }
        }
        return new java.util.HashSet<>(first.values());
    }

    public void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public long getSessionId() {
        return sessionId;
    }

    public int getPosition() {
        return position;
    }

    public AgendaBlock getBlock() {
        return block;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }
}
