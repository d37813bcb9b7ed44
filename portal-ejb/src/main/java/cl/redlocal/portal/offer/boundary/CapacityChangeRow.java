package cl.redlocal.portal.offer.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One change of a program's slots or occupancy. */
public record CapacityChangeRow(Instant changedAt, String changedBy, Integer slotsBefore, int slotsAfter,
                                Integer occupiedBefore, int occupiedAfter, String note) implements Serializable {
}
