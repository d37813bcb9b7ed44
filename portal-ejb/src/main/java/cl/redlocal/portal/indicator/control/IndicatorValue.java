package cl.redlocal.portal.indicator.control;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * An indicator's figures for one comuna and quarter. {@code numerator} is null for a percentile (its value
 * is days, not a count); {@code value} is null when the denominator is 0. The three flags say what small-cell
 * suppression hid ({@link SmallCells}): a hidden count is shown as "&lt;5" and a hidden value not at all.
 */
public record IndicatorValue(String code, String unit, String aggregation, Long numerator, Long denominator,
                             BigDecimal value, boolean numeratorSmall, boolean denominatorSmall, boolean valueHidden)
        implements Serializable {

    public static IndicatorValue of(String code, String unit, String aggregation, Long numerator, Long denominator,
                                    BigDecimal value) {
        return new IndicatorValue(code, unit, aggregation, numerator, denominator, value, false, false, false);
    }

    public boolean suppressed() {
        return numeratorSmall || denominatorSmall || valueHidden;
    }
}
