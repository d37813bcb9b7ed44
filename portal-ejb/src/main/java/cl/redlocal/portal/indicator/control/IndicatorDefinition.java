package cl.redlocal.portal.indicator.control;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One indicator of the catalogue as seed 001 writes them: what it measures, its formula (numerator over
 * denominator, or a count, or a percentile of days), dimension, periodicity, reading direction,
 * disaggregations and the fact views it is computed from. {@code minValue}/{@code maxValue} bound a target.
 */
public record IndicatorDefinition(String code, int position, String name, String definition, String numerator,
                                  String denominator, String unit, String aggregation, String dimension,
                                  String periodicity, String direction, String disaggregations, String sourceFacts,
                                  boolean drillable, BigDecimal minValue, BigDecimal maxValue)
        implements Serializable {

    public boolean ascending() {
        return "ASC".equals(direction);
    }

    public boolean isRate() {
        return "RATE".equals(aggregation);
    }

    public boolean isPercentile() {
        return "MEDIAN".equals(aggregation) || "P90".equals(aggregation);
    }
}
