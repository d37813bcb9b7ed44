package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.waiting.entity.PriorityCriterion;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A criterion's weight in the caller's comuna, with the version a change must quote. */
public record WeightRow(PriorityCriterion criterion, BigDecimal weight, int version, String updatedBy,
                        Instant updatedAt) implements Serializable {
}
