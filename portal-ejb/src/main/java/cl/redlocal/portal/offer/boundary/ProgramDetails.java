package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the detail page and the edit form show of one program. */
public record ProgramDetails(long id, int version, String acronym, String name, Long providerId, String providerName,
                             Sector sector, ProgramStatus status, String description, Integer minAge, Integer maxAge,
                             String targetProfile, String eligibility, String territory, boolean courtOrderRequired,
                             boolean acceptsSpontaneous, boolean acceptsReferral, boolean acceptsActiveSearch,
                             String referralDocuments, String contactName, String contactPhone, String contactEmail,
                             String openingHours, int slots, int occupied, long waiting, LocalDate oldestWaitingSince,
                             Instant confirmedAt, String confirmedBy, boolean stale, List<LocationForm> locations,
                             boolean editable, boolean capacityEditable) implements Serializable {

    public int vacancies() {
        return slots - occupied;
    }

    /** Contact person, phone and e-mail, as far as they are known. */
    public String contact() {
        return java.util.stream.Stream.of(contactName, contactPhone, contactEmail)
                .filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    public ProgramForm toForm() {
        return new ProgramForm(acronym, name, sector, providerId, description, minAge, maxAge, targetProfile,
                eligibility, territory, courtOrderRequired, acceptsSpontaneous, acceptsReferral, acceptsActiveSearch,
                referralDocuments, contactName, contactPhone, contactEmail, openingHours, status,
                new java.util.ArrayList<>(locations));
    }
}
