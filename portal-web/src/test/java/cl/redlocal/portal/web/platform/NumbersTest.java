package cl.redlocal.portal.web.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule for a priority wherever it is shown (issue 16, defect 12: 114,4 on one page, 114,35 on another). */
class NumbersTest {

    @Test
    void aPriorityHasOneDecimalRoundedHalfUpWithAComma() {
        assertThat(Numbers.priorityText(new BigDecimal("114.35"))).isEqualTo("114,4");
        assertThat(Numbers.priorityText(new BigDecimal("114.349"))).isEqualTo("114,3");
        assertThat(Numbers.priorityText(new BigDecimal("45.00"))).isEqualTo("45");
        assertThat(Numbers.priorityText(new BigDecimal("11.65"))).isEqualTo("11,7");
        assertThat(Numbers.priorityText(new BigDecimal("100"))).isEqualTo("100");
        assertThat(Numbers.priorityText(null)).isEmpty();
    }

    @Test
    void otherFiguresKeepTheirDecimalsWithoutTrailingZeros() {
        assertThat(Numbers.plainText(new BigDecimal("0.50"))).isEqualTo("0,5");
        assertThat(Numbers.plainText(new BigDecimal("20.00"))).isEqualTo("20");
        assertThat(Numbers.plainText(new BigDecimal("1E+2"))).isEqualTo("100");
    }
}
