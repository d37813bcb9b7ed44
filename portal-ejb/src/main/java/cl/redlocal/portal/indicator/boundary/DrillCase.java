package cl.redlocal.portal.indicator.boundary;

import java.io.Serializable;
import java.math.BigDecimal;

/** A case behind a number: by its code only; whether it counts in the numerator; its days, for a percentile. */
public record DrillCase(long caseId, String caseCode, boolean inNumerator, BigDecimal days) implements Serializable {
}
