package cl.redlocal.portal.web.indicators;

import java.io.Serializable;

/**
 * One dashboard line as the page shows it, every figure already written ({@link IndicatorTexts}): the
 * quarter to date, the last published quarter (numerator, denominator, value), the target and its light,
 * and the definition's formula for "how is it computed".
 */
public record IndicatorLine(String code, String name, String unit, String dimension, String direction,
                            String definition, String numeratorText, String denominatorText,
                            String disaggregations, String sourceFacts, boolean drillable,
                            String live, String liveNumerator, String liveDenominator,
                            String published, String publishedNumerator, String publishedDenominator,
                            String target, String targetInput, Integer targetVersion, String light)
        implements Serializable {
}
