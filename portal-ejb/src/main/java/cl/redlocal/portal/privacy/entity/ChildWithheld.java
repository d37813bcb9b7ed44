package cl.redlocal.portal.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * A child withheld from ordinary processing (the view child_withheld: blocked now, or anonymised). Read only,
 * and only through {@link cl.redlocal.portal.privacy.control.Withheld}'s JPQL condition.
 */
@Entity
@Table(name = "child_withheld")
@org.eclipse.persistence.annotations.ReadOnly
public class ChildWithheld implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "child_id")
    private Long childId;

    @Column(insertable = false, updatable = false)
    private String why;

    protected ChildWithheld() {
    }

    public Long getChildId() {
        return childId;
    }

    public String getWhy() {
        return why;
    }
}
