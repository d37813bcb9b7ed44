package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.offer.boundary.LocationForm;
import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.offer.boundary.ProgramDetails;
import cl.redlocal.portal.offer.boundary.ProgramForm;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coordinator creates or edits a program. The form is checked on the server by the service's own
 * rules (Bean Validation on ProgramForm, the entity's invariants, the unique acronym); a message lands
 * next to the field, and nothing is saved until all of it is right.
 */
@Named
@ViewScoped
public class ProgramEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OfferService offer;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private Long id;
    private int version;
    private boolean found = true;
    private List<Option> providers;

    private String acronym;
    private String name;
    private Sector sector;
    private Long providerId;
    private String description;
    private Integer minAge;
    private Integer maxAge;
    private String targetProfile;
    private String eligibility;
    private String territory;
    private boolean courtOrderRequired;
    private boolean acceptsSpontaneous;
    private boolean acceptsReferral = true;
    private boolean acceptsActiveSearch;
    private String referralDocuments;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private String openingHours;
    private ProgramStatus status = ProgramStatus.ACTIVE;

    @NotNull
    @Min(value = 0, message = "{offer.capacity.notNegative}")
    private Integer slots = 0;

    private List<LocationRow> locations = new ArrayList<>();

    /** f:viewAction */
    public void load() {
        providers = offer.providers();
        if (id == null) {
            return;
        }
        ProgramDetails d = offer.find(id).filter(ProgramDetails::editable).orElse(null);
        if (d == null) {
            found = false;
            return;
        }
        version = d.version();
        acronym = d.acronym();
        name = d.name();
        sector = d.sector();
        providerId = d.providerId();
        description = d.description();
        minAge = d.minAge();
        maxAge = d.maxAge();
        targetProfile = d.targetProfile();
        eligibility = d.eligibility();
        territory = d.territory();
        courtOrderRequired = d.courtOrderRequired();
        acceptsSpontaneous = d.acceptsSpontaneous();
        acceptsReferral = d.acceptsReferral();
        acceptsActiveSearch = d.acceptsActiveSearch();
        referralDocuments = d.referralDocuments();
        contactName = d.contactName();
        contactPhone = d.contactPhone();
        contactEmail = d.contactEmail();
        openingHours = d.openingHours();
        status = d.status();
        slots = d.slots();
        locations = new ArrayList<>(d.locations().stream().map(LocationRow::of).toList());
    }

    public void addLocation() {
        locations.add(new LocationRow());
    }

    public void removeLocation(LocationRow row) {
        locations.remove(row);
    }

    public String save() {
        ProgramForm form = new ProgramForm(acronym, name, sector, providerId, description, minAge, maxAge,
                targetProfile, eligibility, territory, courtOrderRequired, acceptsSpontaneous, acceptsReferral,
                acceptsActiveSearch, referralDocuments, contactName, contactPhone, contactEmail, openingHours, status,
                locations.stream().map(LocationRow::toForm).toList());
        if (!validation.check(form, "program", Map.of("ageRangeOrdered", "maxAge", "reachable", "acceptsReferral"))) {
            return null;
        }
        try {
            if (id == null) {
                id = offer.create(form, slots);
                messages.info("offer.program.created", form.acronym());
            } else {
                offer.update(id, version, form);
                messages.info("offer.program.saved", form.acronym());
            }
            return "/offer/program.xhtml?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.error(e, java.util.Map.of("offer.program.duplicateAcronym", "program:acronym"));
            return null;
        } catch (EJBException e) {
            if (e.getCause() instanceof ConstraintViolationException cve) {
                cve.getConstraintViolations().forEach(v -> messages.error(null, v.getMessage()));
                return null;
            }
            throw e;
        }
    }

    /** A location as the form edits it. */
    public static class LocationRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private String name;
        private String address;
        private String sector;
        private BigDecimal latitude;
        private BigDecimal longitude;

        static LocationRow of(LocationForm l) {
            LocationRow row = new LocationRow();
            row.id = l.id();
            row.name = l.name();
            row.address = l.address();
            row.sector = l.sector();
            row.latitude = l.latitude();
            row.longitude = l.longitude();
            return row;
        }

        LocationForm toForm() {
            return new LocationForm(id, name, address, sector, latitude, longitude);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getSector() {
            return sector;
        }

        public void setSector(String sector) {
            this.sector = sector;
        }

        public BigDecimal getLatitude() {
            return latitude;
        }

        public void setLatitude(BigDecimal latitude) {
            this.latitude = latitude;
        }

        public BigDecimal getLongitude() {
            return longitude;
        }

        public void setLongitude(BigDecimal longitude) {
            this.longitude = longitude;
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isFound() {
        return found;
    }

    public List<Option> getProviders() {
        return providers;
    }

    public Sector[] getSectors() {
        return Sector.values();
    }

    public ProgramStatus[] getStatuses() {
        return ProgramStatus.values();
    }

    public List<LocationRow> getLocations() {
        return locations;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getAcronym() { return acronym; }
    public void setAcronym(String acronym) { this.acronym = acronym; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Sector getSector() { return sector; }
    public void setSector(Sector sector) { this.sector = sector; }
    public Long getProviderId() { return providerId; }
    public void setProviderId(Long providerId) { this.providerId = providerId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public String getTargetProfile() { return targetProfile; }
    public void setTargetProfile(String targetProfile) { this.targetProfile = targetProfile; }
    public String getEligibility() { return eligibility; }
    public void setEligibility(String eligibility) { this.eligibility = eligibility; }
    public String getTerritory() { return territory; }
    public void setTerritory(String territory) { this.territory = territory; }
    public boolean isCourtOrderRequired() { return courtOrderRequired; }
    public void setCourtOrderRequired(boolean v) { this.courtOrderRequired = v; }
    public boolean isAcceptsSpontaneous() { return acceptsSpontaneous; }
    public void setAcceptsSpontaneous(boolean v) { this.acceptsSpontaneous = v; }
    public boolean isAcceptsReferral() { return acceptsReferral; }
    public void setAcceptsReferral(boolean v) { this.acceptsReferral = v; }
    public boolean isAcceptsActiveSearch() { return acceptsActiveSearch; }
    public void setAcceptsActiveSearch(boolean v) { this.acceptsActiveSearch = v; }
    public String getReferralDocuments() { return referralDocuments; }
    public void setReferralDocuments(String referralDocuments) { this.referralDocuments = referralDocuments; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getOpeningHours() { return openingHours; }
    public void setOpeningHours(String openingHours) { this.openingHours = openingHours; }
    public ProgramStatus getStatus() { return status; }
    public void setStatus(ProgramStatus status) { this.status = status; }
    public Integer getSlots() { return slots; }
    public void setSlots(Integer slots) { this.slots = slots; }
}
