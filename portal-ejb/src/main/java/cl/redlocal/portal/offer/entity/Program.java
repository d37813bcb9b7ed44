package cl.redlocal.portal.offer.entity;

import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.territory.Comuna;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A program or service of the communal offer (OPD, PPF, a CESFAM...): what it offers and to whom, how
 * to reach it, where it attends, its slots and occupancy, and when somebody last confirmed all that.
 */
@Entity
@Table(name = "program")
public class Program extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "comuna_id", nullable = false, updatable = false)
    private Comuna comuna;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "provider_id")
    private Provider provider;

    @NotBlank
    @Size(max = 20)
    @Column(nullable = false)
    private String acronym;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false)
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgramStatus status = ProgramStatus.ACTIVE;

    private String description;

    @Column(name = "min_age")
    private Integer minAge;

    @Column(name = "max_age")
    private Integer maxAge;

    @Column(name = "target_profile")
    private String targetProfile;

    private String eligibility;

    private String territory;

    @Column(name = "court_order_required", nullable = false)
    private boolean courtOrderRequired;

    @Column(name = "accepts_spontaneous", nullable = false)
    private boolean acceptsSpontaneous;

    @Column(name = "accepts_referral", nullable = false)
    private boolean acceptsReferral = true;

    @Column(name = "accepts_active_search", nullable = false)
    private boolean acceptsActiveSearch;

    @Column(name = "referral_documents")
    private String referralDocuments;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "opening_hours")
    private String openingHours;

    @Column(nullable = false)
    private int slots;

    @Column(nullable = false)
    private int occupied;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "program", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ProgramLocation> locations = new ArrayList<>();

    protected Program() {
    }

    public Program(Comuna comuna, String acronym, String name, Sector sector) {
        this(comuna, null, ProgramDescription.minimal(acronym, name, sector));
    }

    public Program(Comuna comuna, Provider provider, ProgramDescription description) {
        this.comuna = comuna;
        describe(provider, description);
    }

    /** Rewrites what the program is; the structured eligibility must make sense. */
    public final void describe(Provider newProvider, ProgramDescription d) {
        if (d.minAge() != null && d.maxAge() != null && d.minAge() > d.maxAge()) {
            throw new IllegalArgumentException("offer.program.ageRange");
        }
        if (!d.acceptsSpontaneous() && !d.acceptsReferral() && !d.acceptsActiveSearch()) {
            throw new IllegalArgumentException("offer.program.accessMode");
        }
        if (newProvider != null && !newProvider.getComuna().equals(comuna)) {
            throw new IllegalArgumentException("offer.program.providerOtherComuna");
        }
        this.provider = newProvider;
        this.acronym = d.acronym();
        this.name = d.name();
        this.sector = d.sector();
        this.description = d.description();
        this.minAge = d.minAge();
        this.maxAge = d.maxAge();
        this.targetProfile = d.targetProfile();
        this.eligibility = d.eligibility();
        this.territory = d.territory();
        this.courtOrderRequired = d.courtOrderRequired();
        this.acceptsSpontaneous = d.acceptsSpontaneous();
        this.acceptsReferral = d.acceptsReferral();
        this.acceptsActiveSearch = d.acceptsActiveSearch();
        this.referralDocuments = d.referralDocuments();
        this.contactName = d.contactName();
        this.contactPhone = d.contactPhone();
        this.contactEmail = d.contactEmail();
        this.openingHours = d.openingHours();
        this.updatedAt = Instant.now();
    }

    /** Sets slots and occupancy; occupancy never exceeds the slots, and neither is negative. */
    public void changeCapacity(int newSlots, int newOccupied) {
        if (newSlots < 0 || newOccupied < 0) {
            throw new IllegalArgumentException("offer.capacity.negative");
        }
        if (newOccupied > newSlots) {
            throw new IllegalArgumentException("offer.capacity.overSlots");
        }
        this.slots = newSlots;
        this.occupied = newOccupied;
        this.updatedAt = Instant.now();
    }

    /** Somebody checked that the entry is still true. */
    public void confirm(String by, Instant at) {
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    public void changeStatus(ProgramStatus newStatus) {
        this.status = newStatus;
        this.updatedAt = Instant.now();
    }

    public ProgramLocation addLocation(String locationName, String address, String locationSector,
                                       BigDecimal latitude, BigDecimal longitude) {
        ProgramLocation location = new ProgramLocation(this, locationName, address, locationSector, latitude, longitude);
        locations.add(location);
        return location;
    }

    public void removeLocation(ProgramLocation location) {
        locations.remove(location);
    }

    public void updateLocation(ProgramLocation location, String locationName, String address, String locationSector,
                               BigDecimal latitude, BigDecimal longitude) {
        if (!locations.contains(location)) {
            throw new IllegalArgumentException("offer.location.otherProgram");
        }
        location.update(locationName, address, locationSector, latitude, longitude);
    }

    public int vacancies() {
        return slots - occupied;
    }

    public Comuna getComuna() {
        return comuna;
    }

    public Provider getProvider() {
        return provider;
    }

    public String getAcronym() {
        return acronym;
    }

    public String getName() {
        return name;
    }

    public Sector getSector() {
        return sector;
    }

    public ProgramStatus getStatus() {
        return status;
    }

    public String getDescription() {
        return description;
    }

    public Integer getMinAge() {
        return minAge;
    }

    public Integer getMaxAge() {
        return maxAge;
    }

    public String getTargetProfile() {
        return targetProfile;
    }

    public String getEligibility() {
        return eligibility;
    }

    public String getTerritory() {
        return territory;
    }

    public boolean isCourtOrderRequired() {
        return courtOrderRequired;
    }

    public boolean isAcceptsSpontaneous() {
        return acceptsSpontaneous;
    }

    public boolean isAcceptsReferral() {
        return acceptsReferral;
    }

    public boolean isAcceptsActiveSearch() {
        return acceptsActiveSearch;
    }

    public String getReferralDocuments() {
        return referralDocuments;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getOpeningHours() {
        return openingHours;
    }

    public int getSlots() {
        return slots;
    }

    public int getOccupied() {
        return occupied;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<ProgramLocation> getLocations() {
        return List.copyOf(locations);
    }
}
