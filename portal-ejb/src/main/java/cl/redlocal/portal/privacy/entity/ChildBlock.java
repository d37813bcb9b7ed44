package cl.redlocal.portal.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/**
 * A block of a child's record (bloqueo temporal): in force from {@code blockedAt} until lifted, each with who
 * and why. A lifted block stays as history; a child has at most one block in force.
 */
@Entity
@Table(name = "child_block")
public class ChildBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "comuna_id", nullable = false, updatable = false)
    private long comunaId;

    @Column(name = "child_id", nullable = false, updatable = false)
    private long childId;

    @Column(name = "blocked_at", nullable = false, updatable = false)
    private Instant blockedAt;

    @Column(name = "blocked_by", nullable = false, updatable = false)
    private String blockedBy;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    @Column(name = "lift_reason")
    private String liftReason;

    @Version
    private int version;

    protected ChildBlock() {
    }

    public ChildBlock(long comunaId, long childId, String by, Instant at, String reason) {
        this.comunaId = comunaId;
        this.childId = childId;
        this.blockedBy = by;
        this.blockedAt = at;
        this.reason = reason.strip();
    }

    /** Lifts the block; a lifted block cannot be lifted again. */
    public void lift(String by, Instant at, String why) {
        if (liftedAt != null) {
            throw new IllegalStateException("block already lifted");
        }
        this.liftedBy = by;
        this.liftedAt = at;
        this.liftReason = why.strip();
    }

    public boolean inForce() {
        return liftedAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getComunaId() {
        return comunaId;
    }

    public long getChildId() {
        return childId;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    public String getBlockedBy() {
        return blockedBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    public String getLiftReason() {
        return liftReason;
    }

    public int getVersion() {
        return version;
    }
}
