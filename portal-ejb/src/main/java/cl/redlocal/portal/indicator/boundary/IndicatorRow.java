package cl.redlocal.portal.indicator.boundary;

import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the dashboard: the definition, the value of the quarter to date (null outside the comuna),
 * the last published value, this year's target with its version and traffic light (GREEN, YELLOW, RED;
 * null without a target or a value), and the trend: the published value of each of the last 8 quarters.
 */
public record IndicatorRow(IndicatorDefinition definition, IndicatorValue live, IndicatorValue published,
                           BigDecimal target, Integer targetVersion, String light, List<TrendPoint> trend)
        implements Serializable {
}
