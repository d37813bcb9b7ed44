package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;
import java.time.Instant;

/** A program as the offer list shows it. Vacancies and the waiting list are computed, never typed. */
public record OfferRow(long id, String acronym, String name, String providerName, Sector sector, Integer minAge,
                       Integer maxAge, int slots, int occupied, int vacancies, long waiting, ProgramStatus status,
                       Instant confirmedAt, boolean stale) implements Serializable {
}
