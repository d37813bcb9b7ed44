package cl.redlocal.portal.indicator.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCellsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aCountFromOneToFourIsShownAsLessThanFiveAndTheRateDerivedFromItIsHidden(long small) {
        IndicatorValue v = SmallCells.suppress(IndicatorValue.of("X", "PERCENT", "RATE", small, 20L,
                new BigDecimal("15.0")));

        assertThat(v).extracting(IndicatorValue::numerator, IndicatorValue::denominator, IndicatorValue::value,
                IndicatorValue::numeratorSmall, IndicatorValue::valueHidden).containsExactly(null, 20L, null, true, true);
        assertThat(SmallCells.text(v.numerator(), v.numeratorSmall())).isEqualTo("<5");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, 6, 100})
    void zeroAndFiveOrMoreAreShown(long count) {
        IndicatorValue v = SmallCells.suppress(IndicatorValue.of("X", "PERCENT", "RATE", count, 100L,
                BigDecimal.valueOf(count)));

        assertThat(v.suppressed()).isFalse();
        assertThat(v.numerator()).isEqualTo(count);
        assertThat(v.value()).isEqualByComparingTo(BigDecimal.valueOf(count));
    }

    @Test
    void aSmallDenominatorHidesTheRateAndAPercentileOverFewItems() {
        assertThat(SmallCells.suppress(IndicatorValue.of("X", "PERCENT", "RATE", 0L, 4L, BigDecimal.ZERO)))
                .extracting(IndicatorValue::numerator, IndicatorValue::denominator, IndicatorValue::value)
                .containsExactly(0L, null, null);
        assertThat(SmallCells.suppress(IndicatorValue.of("X", "DAYS", "MEDIAN", null, 3L, new BigDecimal("12.0")))
                .value()).isNull();
        assertThat(SmallCells.suppress(IndicatorValue.of("X", "DAYS", "MEDIAN", null, 5L, new BigDecimal("12.0")))
                .value()).isEqualByComparingTo("12.0");
        assertThat(SmallCells.suppress(IndicatorValue.of("X", "COUNT", "COUNT", 4L, null, BigDecimal.valueOf(4)))
                .value()).isNull();
    }
}
