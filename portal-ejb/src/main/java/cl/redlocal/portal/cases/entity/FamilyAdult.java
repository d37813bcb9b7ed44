package cl.redlocal.portal.cases.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An adult of reference of a family: who they are to the children, how to reach them, whether they live together. */
@Entity
@Table(name = "family_adult")
public class FamilyAdult extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "family_id", nullable = false, updatable = false)
    private Family family;

    @NotBlank
    @Size(max = 200)
    @Column(name = "full_name", nullable = false)
    private String fullName;

    @NotBlank
    @Size(max = 60)
    @Column(nullable = false)
    private String relationship;

    @Size(max = 12)
    private String run;

    @Size(max = 40)
    private String phone;

    @Size(max = 200)
    private String email;

    @Column(name = "lives_with", nullable = false)
    private boolean livesWith = true;

    protected FamilyAdult() {
    }

    public FamilyAdult(Family family, String fullName, String relationship, String run, String phone, String email,
                       boolean livesWith) {
        this.comuna = family.getComuna();
        this.family = family;
        update(fullName, relationship, run, phone, email, livesWith);
    }

    /** The adult's data; a RUN, when given, has a valid check digit (stored in its normal form). */
    public final void update(String newFullName, String newRelationship, String newRun, String newPhone,
                             String newEmail, boolean newLivesWith) {
        if (newRun != null && !newRun.isBlank()) {
            this.run = Run.normalize(newRun).orElseThrow(() -> new IllegalArgumentException("child.run.checkDigit"));
        } else {
            this.run = null;
        }
        this.fullName = newFullName;
        this.relationship = newRelationship;
        this.phone = newPhone;
        this.email = newEmail;
        this.livesWith = newLivesWith;
    }

    public Family getFamily() {
        return family;
    }

    public String getFullName() {
        return fullName;
    }

    public String getRelationship() {
        return relationship;
    }

    public String getRun() {
        return run;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public boolean isLivesWith() {
        return livesWith;
    }
}
