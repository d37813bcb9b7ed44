package cl.redlocal.portal.web.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The Open Referral HSDS 3.0 objects the API returns, with only the fields the portal fills. Names are
 * HSDS's own: JSON-B writes the components in snake_case ({@link ApiJsonb}) and leaves out nulls, so an
 * unknown value is absent rather than empty. {@link ServiceCapacity} and {@link Unit} are HSDS 3.1's.
 */
public final class Hsds {

    /** HSDS's version this API follows. */
    public static final String VERSION = "3.0";

    private Hsds() {
    }

    /** HSDS's paging envelope (openapi.json, components.schemas.Page); {@code size}: entities on this page. */
    @JsonbPropertyOrder({"totalItems", "totalPages", "pageNumber", "size", "firstPage", "lastPage", "empty",
            "contents"})
    public record Page<T>(long totalItems, long totalPages, int pageNumber, int size, boolean firstPage,
                          boolean lastPage, boolean empty, List<T> contents) {
    }

    /** What {@code GET /} of an HSDS API answers. */
    @JsonbPropertyOrder({"version", "profile", "openapiUrl"})
    public record ApiInfo(String version, String profile, String openapiUrl) {
    }

    @JsonbPropertyOrder({"id", "name", "description", "email", "website", "phones", "attributes", "services"})
    public record Organization(String id, String name, String description, String email, String website,
                               List<Phone> phones, List<Attribute> attributes, List<Service> services) {
    }

    @JsonbPropertyOrder({"id", "organizationId", "name", "alternateName", "description", "email", "status",
            "applicationProcess", "eligibilityDescription", "minimumAge", "maximumAge", "assuredDate", "alert",
            "lastModified", "organization", "phones", "schedules", "serviceAreas", "serviceAtLocations",
            "requiredDocuments", "contacts", "attributes", "capacities"})
    public record Service(String id, String organizationId, String name, String alternateName, String description,
                          String email, String status, String applicationProcess, String eligibilityDescription,
                          Integer minimumAge, Integer maximumAge, LocalDate assuredDate, String alert,
                          Instant lastModified, Organization organization, List<Phone> phones,
                          List<Schedule> schedules, List<ServiceArea> serviceAreas,
                          List<ServiceAtLocation> serviceAtLocations, List<RequiredDocument> requiredDocuments,
                          List<Contact> contacts, List<Attribute> attributes, List<ServiceCapacity> capacities) {
    }

    @JsonbPropertyOrder({"id", "locationType", "organizationId", "name", "latitude", "longitude", "addresses"})
    public record Location(String id, String locationType, String organizationId, String name,
                           BigDecimal latitude, BigDecimal longitude, List<Address> addresses) {
    }

    @JsonbPropertyOrder({"id", "serviceId", "locationId", "location", "service"})
    public record ServiceAtLocation(String id, String serviceId, String locationId, Location location,
                                    Service service) {
    }

    @JsonbPropertyOrder({"id", "locationId", "address1", "address2", "city", "stateProvince", "postalCode",
            "country", "addressType"})
    public record Address(String id, String locationId, @JsonbProperty("address_1") String address1,
                          @JsonbProperty("address_2") String address2, String city, String stateProvince,
                          String postalCode, String country, String addressType) {
    }

    @JsonbPropertyOrder({"id", "serviceId", "name", "email", "phones"})
    public record Contact(String id, String serviceId, String name, String email, List<Phone> phones) {
    }

    @JsonbPropertyOrder({"id", "organizationId", "serviceId", "contactId", "number", "type"})
    public record Phone(String id, String organizationId, String serviceId, String contactId, String number,
                        String type) {
    }

    @JsonbPropertyOrder({"id", "serviceId", "description"})
    public record Schedule(String id, String serviceId, String description) {
    }

    @JsonbPropertyOrder({"id", "serviceId", "name", "description"})
    public record ServiceArea(String id, String serviceId, String name, String description) {
    }

    @JsonbPropertyOrder({"id", "serviceId", "document"})
    public record RequiredDocument(String id, String serviceId, String document) {
    }

    @JsonbPropertyOrder({"id", "linkId", "linkType", "linkEntity", "taxonomyTermId", "value", "taxonomyTerm"})
    public record Attribute(String id, String linkId, String linkType, String linkEntity, String taxonomyTermId,
                            String value, TaxonomyTerm taxonomyTerm) {
    }

    @JsonbPropertyOrder({"id", "code", "name", "description", "taxonomy"})
    public record TaxonomyTerm(String id, String code, String name, String description, String taxonomy) {
    }

    @JsonbPropertyOrder({"id", "serviceId", "unit", "unitId", "available", "maximum", "description", "updated"})
    public record ServiceCapacity(String id, String serviceId, Unit unit, String unitId, int available,
                                  int maximum, String description, Instant updated) {
    }

    @JsonbPropertyOrder({"id", "name", "identifier"})
    public record Unit(String id, String name, String identifier) {
    }
}
