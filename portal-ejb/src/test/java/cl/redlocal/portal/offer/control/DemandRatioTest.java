package cl.redlocal.portal.offer.control;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class DemandRatioTest {

    @Test
    void demandIsOccupiedPlusWaitingOverSlotsWithTwoDecimals() {
        assertThat(DemandRatio.of(10, 3, 10)).isEqualByComparingTo("1.30");
        assertThat(DemandRatio.of(15, 4, 30)).isEqualTo(new BigDecimal("0.63"));
        assertThat(DemandRatio.of(0, 0, 8)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void demandExceedsSupplyOnlyAboveTheSlots() {
        assertThat(DemandRatio.exceedsSupply(10, 3, 10)).isTrue();
        assertThat(DemandRatio.exceedsSupply(5, 0, 5)).isFalse();
        assertThat(DemandRatio.exceedsSupply(4, 1, 5)).isFalse();
    }

    @Test
    void withoutSlotsThereIsNoRatioButAnyDemandExceedsTheSupply() {
        assertThat(DemandRatio.of(0, 2, 0)).isNull();
        assertThat(DemandRatio.exceedsSupply(0, 2, 0)).isTrue();
        assertThat(DemandRatio.exceedsSupply(0, 0, 0)).isFalse();
    }
}
