package cl.redlocal.portal.offer.boundary;

import cl.redlocal.portal.offer.control.Availability;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One place where a program attends, with the program's figures: a marker on the map when it has
 * coordinates ({@code mapped}), a line of the list below the map in any case.
 */
public record MapLocation(long locationId, long programId, String acronym, String programName, Sector sector,
                          ProgramStatus status, String locationName, String address, String area,
                          BigDecimal latitude, BigDecimal longitude, boolean mapped, int slots, int occupied,
                          int vacancies, long waiting, Availability availability) implements Serializable {
}
