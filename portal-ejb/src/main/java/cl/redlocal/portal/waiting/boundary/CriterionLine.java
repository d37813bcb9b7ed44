package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.waiting.entity.PriorityCriterion;

import java.io.Serializable;
import java.math.BigDecimal;

/** One line of a score's explanation: the criterion's value for the case, its weight, and the points (value x weight). */
public record CriterionLine(PriorityCriterion criterion, BigDecimal value, BigDecimal weight, BigDecimal points)
        implements Serializable {
}
