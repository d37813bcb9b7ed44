package cl.redlocal.portal.cases.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A child or adolescent (NNA). The registry of the case process grows this. */
@Entity
@Table(name = "child")
public class Child extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "family_id")
    private Family family;

    @Size(max = 12)
    private String run;

    @Size(max = 200)
    @Column(name = "no_run_reason")
    private String noRunReason;

    @NotBlank
    @Size(max = 150)
    @Column(name = "given_names", nullable = false)
    private String givenNames;

    @NotBlank
    @Size(max = 100)
    @Column(name = "paternal_surname", nullable = false)
    private String paternalSurname;

    @Size(max = 100)
    @Column(name = "maternal_surname")
    private String maternalSurname;

    @Size(max = 150)
    @Column(name = "social_name")
    private String socialName;

    @NotNull
    @PastOrPresent
    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex;

    @NotBlank
    @Size(max = 60)
    @Column(nullable = false)
    private String nationality = "Chilena";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Child() {
    }

    public Child(Comuna comuna, Family family, String run, String noRunReason, String givenNames,
                 String paternalSurname, String maternalSurname, LocalDate birthDate, Sex sex, String nationality) {
        if (run != null) {
            this.run = Run.normalize(run).orElseThrow(() -> new IllegalArgumentException("child.run.invalid"));
        } else if (noRunReason == null || noRunReason.isBlank()) {
            throw new IllegalArgumentException("child.run.required");
        }
        if (family != null && !family.getComuna().equals(comuna)) {
            throw new IllegalArgumentException("child.family.otherComuna");
        }
        this.comuna = comuna;
        this.family = family;
        this.noRunReason = noRunReason;
        this.givenNames = givenNames;
        this.paternalSurname = paternalSurname;
        this.maternalSurname = maternalSurname;
        this.birthDate = birthDate;
        this.sex = sex;
        this.nationality = nationality;
    }

    /** Initials, the only way minutes and agendas name a child: "J.P.R." */
    public String initials() {
        return initialsOf(givenNames, paternalSurname, maternalSurname);
    }

    public static String initialsOf(String givenNames, String paternalSurname, String maternalSurname) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[]{givenNames, paternalSurname, maternalSurname}) {
            if (part != null && !part.isBlank()) {
                sb.append(Character.toUpperCase(part.trim().charAt(0))).append('.');
            }
        }
        return sb.toString();
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    public Comuna getComuna() {
        return comuna;
    }

    public Family getFamily() {
        return family;
    }

    public String getRun() {
        return run;
    }

    public String getNoRunReason() {
        return noRunReason;
    }

    public String getGivenNames() {
        return givenNames;
    }

    public String getPaternalSurname() {
        return paternalSurname;
    }

    public String getMaternalSurname() {
        return maternalSurname;
    }

    public String getSocialName() {
        return socialName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public String getNationality() {
        return nationality;
    }
}
