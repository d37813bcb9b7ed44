package cl.redlocal.portal.indicator.boundary;

import java.io.Serializable;
import java.math.BigDecimal;

/** A quarter of a trend: its label (2026-Q3) and the published value (null when unpublished or hidden). */
public record TrendPoint(String quarter, BigDecimal value) implements Serializable {
}
