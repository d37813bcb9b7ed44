package cl.redlocal.portal.indicator.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterTest {

    @Test
    void aQuarterIsWrittenYearDashQAndEndsOnItsLastDay() {
        Quarter q = Quarter.parse("2026-Q3").orElseThrow();

        assertThat(q.firstDay()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.lastDay()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q.endedBefore(LocalDate.of(2026, 9, 30))).isFalse();
        assertThat(q.endedBefore(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(Quarter.of(LocalDate.of(2026, 12, 7))).hasToString("2026-Q4");
        assertThat(new Quarter(2026, 1).previous()).hasToString("2025-Q4");
        assertThat(q.trail(8)).hasSize(8).first().hasToString("2024-Q4");
        assertThat(Quarter.parse("2026-Q5")).isEmpty();
        assertThat(Quarter.parse("26-Q1")).isEmpty();
    }
}
