package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A program as the comuna publishes it to anybody: what it offers and to whom, how to reach it (the
 * contact the program itself publishes), its capacity and waiting list as numbers, and when it was last
 * confirmed, but never who confirmed it nor anything about the people it serves.
 * {@code capacityUpdatedAt}: the last change of slots or occupancy.
 */
public record PublicProgram(long id, String acronym, String name, Sector sector, ProgramStatus status,
                            String description, Integer minAge, Integer maxAge, String targetProfile,
                            String eligibility, String territory, boolean courtOrderRequired,
                            boolean acceptsSpontaneous, boolean acceptsReferral, boolean acceptsActiveSearch,
                            String referralDocuments, String contactName, String contactPhone, String contactEmail,
                            String openingHours, int slots, int occupied, long waiting, Instant confirmedAt,
                            boolean stale, Instant updatedAt, Instant capacityUpdatedAt, PublicProvider provider,
                            List<PublicLocation> locations) implements Serializable {

    public PublicProgram {
        locations = List.copyOf(locations);
    }

    public int vacancies() {
        return slots - occupied;
    }

    public PublicProgram withLocations(List<PublicLocation> places) {
        return new PublicProgram(id, acronym, name, sector, status, description, minAge, maxAge, targetProfile,
                eligibility, territory, courtOrderRequired, acceptsSpontaneous, acceptsReferral, acceptsActiveSearch,
                referralDocuments, contactName, contactPhone, contactEmail, openingHours, slots, occupied, waiting,
                confirmedAt, stale, updatedAt, capacityUpdatedAt, provider, places);
    }
}
