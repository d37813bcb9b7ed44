package cl.redlocal.portal.referral.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    private static final Set<LocalDate> NONE = Set.of();

    @Test
    void tenWorkingDaysFromAMondaySkipTwoWeekends() {
        // Monday 2026-11-02 + 10 working days = Monday 2026-11-16
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 2), 10, NONE)).isEqualTo(LocalDate.of(2026, 11, 16));
    }

    @Test
    void oneDayFromAFridayOrASaturdayIsMonday() {
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 6), 1, NONE)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 7), 1, NONE)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 8), 1, NONE)).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void aHolidayIsSkipped() {
        // Tuesday 2026-12-08 (Inmaculada Concepción): Monday + 2 = Thursday instead of Wednesday
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 12, 8));
        assertThat(WorkingDays.add(LocalDate.of(2026, 12, 7), 2, NONE)).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(WorkingDays.add(LocalDate.of(2026, 12, 7), 2, holidays)).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void theLongWeekendOfSeptemberIsSkippedWhole() {
        // 2025: Thursday 18 and Friday 19 are holidays, then the weekend
        Set<LocalDate> holidays = Set.of(LocalDate.of(2025, 9, 18), LocalDate.of(2025, 9, 19));
        assertThat(WorkingDays.add(LocalDate.of(2025, 9, 17), 1, holidays)).isEqualTo(LocalDate.of(2025, 9, 22));
        // Monday 15 + 10: 15..17 count 2 (16, 17), 22..26 five more, 29, 30, 1 October = 10
        assertThat(WorkingDays.add(LocalDate.of(2025, 9, 15), 10, holidays)).isEqualTo(LocalDate.of(2025, 10, 1));
    }

    @Test
    void zeroDaysIsTheSentDayAndNegativeIsRefused() {
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 7), 0, NONE)).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThatThrownBy(() -> WorkingDays.add(LocalDate.of(2026, 11, 7), -1, NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 9, 18));
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 9, 18), holidays)).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 9, 19), holidays)).as("a Saturday").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 9, 17), holidays)).isTrue();
    }
}
