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

    @Size(max = 60)
    @Column(name = "other_identifier")
    private String otherIdentifier;

    @Size(max = 60)
    private String gender;

    @Size(max = 200)
    private String address;

    @Size(max = 100)
    private String sector;

    @Size(max = 150)
    private String school;

    /** The names folded (no accents, case or extra spaces): what duplicate checks compare. */
    @Column(name = "name_key", nullable = false)
    private String nameKey = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

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
        this.nameKey = ChildNames.key(givenNames, paternalSurname, maternalSurname);
    }

    /** The registry's other facts, set when the child is registered (corrections go through {@link #correct}). */
    public void describe(String otherIdentifier, String socialName, String gender, String address, String sector,
                         String school) {
        this.otherIdentifier = otherIdentifier;
        this.socialName = socialName;
        this.gender = gender;
        this.address = address;
        this.sector = sector;
        this.school = school;
    }

    /** Every field a correction may change; the value is what people read ("2016-05-01", "F", "12345678-5"). */
    public enum Field {
        RUN, NO_RUN_REASON, OTHER_IDENTIFIER, GIVEN_NAMES, PATERNAL_SURNAME, MATERNAL_SURNAME, SOCIAL_NAME,
        BIRTH_DATE, SEX, GENDER, NATIONALITY, ADDRESS, SECTOR, SCHOOL
    }

    public String valueOf(Field field) {
        return switch (field) {
            case RUN -> run;
            case NO_RUN_REASON -> noRunReason;
            case OTHER_IDENTIFIER -> otherIdentifier;
            case GIVEN_NAMES -> givenNames;
            case PATERNAL_SURNAME -> paternalSurname;
            case MATERNAL_SURNAME -> maternalSurname;
            case SOCIAL_NAME -> socialName;
            case BIRTH_DATE -> birthDate == null ? null : birthDate.toString();
            case SEX -> sex == null ? null : sex.name();
            case GENDER -> gender;
            case NATIONALITY -> nationality;
            case ADDRESS -> address;
            case SECTOR -> sector;
            case SCHOOL -> school;
        };
    }

    /**
     * Corrects the registry to the values of {@code wanted} (a detached copy); returns what changed, field by
     * field, so the caller keeps the history. The identifier rule holds after the change: a RUN (valid) or a
     * reason for not having one.
     */
    public java.util.List<Change> correct(Child wanted, Instant at) {
        java.util.List<Change> changes = new java.util.ArrayList<>();
        for (Field f : Field.values()) {
            String before = valueOf(f);
            String after = wanted.valueOf(f);
            if (!java.util.Objects.equals(blankToNull(before), blankToNull(after))) {
                changes.add(new Change(f, before, after));
            }
        }
        if (changes.isEmpty()) {
            return changes;
        }
        if (wanted.run == null && (wanted.noRunReason == null || wanted.noRunReason.isBlank())) {
            throw new IllegalArgumentException("child.run.required");
        }
        this.run = wanted.run;
        this.noRunReason = wanted.run == null ? wanted.noRunReason : null;
        this.otherIdentifier = wanted.otherIdentifier;
        this.givenNames = wanted.givenNames;
        this.paternalSurname = wanted.paternalSurname;
        this.maternalSurname = wanted.maternalSurname;
        this.socialName = wanted.socialName;
        this.birthDate = wanted.birthDate;
        this.sex = wanted.sex;
        this.gender = wanted.gender;
        this.nationality = wanted.nationality;
        this.address = wanted.address;
        this.sector = wanted.sector;
        this.school = wanted.school;
        this.nameKey = ChildNames.key(givenNames, paternalSurname, maternalSurname);
        this.updatedAt = at;
        return changes;
    }

    /** A child joins (or changes) family; the family is of the same comuna. */
    public void joinFamily(Family newFamily) {
        if (newFamily != null && !newFamily.getComuna().equals(comuna)) {
            throw new IllegalArgumentException("child.family.otherComuna");
        }
        this.family = newFamily;
    }

    /** One field's change: kept as a child_correction row. */
    public record Change(Field field, String before, String after) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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

    public String getOtherIdentifier() {
        return otherIdentifier;
    }

    public String getGender() {
        return gender;
    }

    public String getAddress() {
        return address;
    }

    public String getSector() {
        return sector;
    }

    public String getSchool() {
        return school;
    }

    public String getNameKey() {
        return nameKey;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String fullName() {
        return givenNames + " " + paternalSurname + (maternalSurname == null || maternalSurname.isBlank() ? ""
                : " " + maternalSurname);
    }
}
