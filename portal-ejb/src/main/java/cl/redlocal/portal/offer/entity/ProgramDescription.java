package cl.redlocal.portal.offer.entity;

import java.io.Serializable;

/**
 * What a program is and to whom it is offered, as the coordinator writes it: the words for people and
 * the structured part the portal can check (ages, territory, court order, access modes).
 */
public record ProgramDescription(String acronym, String name, Sector sector, String description, Integer minAge,
                                 Integer maxAge, String targetProfile, String eligibility, String territory,
                                 boolean courtOrderRequired, boolean acceptsSpontaneous, boolean acceptsReferral,
                                 boolean acceptsActiveSearch, String referralDocuments, String contactName,
                                 String contactPhone, String contactEmail, String openingHours)
        implements Serializable {

    /** The short form the demo and the first programs were created with. */
    public static ProgramDescription minimal(String acronym, String name, Sector sector) {
        return new ProgramDescription(acronym, name, sector, null, null, null, null, null, null, false, false, true,
                false, null, null, null, null, null);
    }
}
