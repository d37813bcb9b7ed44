package cl.redlocal.portal.cases.entity;

import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One corrected field of a child's registry: who, when, from what to what, and why. Never changed afterwards. */
@Entity
@Table(name = "child_correction")
public class ChildCorrection implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "child_id", nullable = false, updatable = false)
    private Child child;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;

    @Column(nullable = false, updatable = false)
    private String field;

    @Column(name = "value_before", updatable = false)
    private String valueBefore;

    @Column(name = "value_after", updatable = false)
    private String valueAfter;

    @Column(nullable = false, updatable = false)
    private String reason;

    protected ChildCorrection() {
    }

    public ChildCorrection(Child child, Child.Change change, String reason, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("child.correction.reasonRequired");
        }
        this.comuna = child.getComuna();
        this.child = child;
        this.field = change.field().name();
        this.valueBefore = cut(change.before());
        this.valueAfter = cut(change.after());
        this.reason = reason;
        this.changedBy = by;
        this.changedAt = at;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 400 ? s : s.substring(0, 400);
    }

    public Long getId() {
        return id;
    }

    public Child getChild() {
        return child;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getField() {
        return field;
    }

    public String getValueBefore() {
        return valueBefore;
    }

    public String getValueAfter() {
        return valueAfter;
    }

    public String getReason() {
        return reason;
    }
}
