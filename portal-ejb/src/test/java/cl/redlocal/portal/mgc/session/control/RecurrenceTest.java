package cl.redlocal.portal.mgc.session.control;

import cl.redlocal.portal.mgc.session.entity.Frequency;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    @Test
    void monthlySecondWednesdayOfEveryMonthOfTheYear() {
        List<LocalDate> dates = Recurrence.dates(Frequency.MONTHLY, DayOfWeek.WEDNESDAY, 2,
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(dates).hasSize(12);
        assertThat(dates.get(0)).isEqualTo(LocalDate.of(2027, 1, 13));
        assertThat(dates.get(11)).isEqualTo(LocalDate.of(2027, 12, 8));
        assertThat(dates).allMatch(d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY && d.getDayOfMonth() > 7
                && d.getDayOfMonth() <= 14);
    }

    @Test
    void lastWeekdayIsTheFifthInAMonthWithFiveAndTheFourthOtherwise() {
        // April 2026 has five Thursdays (2, 9, 16, 23, 30); February 2026 four (5, 12, 19, 26)
        List<LocalDate> dates = Recurrence.dates(Frequency.MONTHLY, DayOfWeek.THURSDAY, -1,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30));
        assertThat(dates).containsExactly(LocalDate.of(2026, 2, 26), LocalDate.of(2026, 3, 26),
                LocalDate.of(2026, 4, 30));
    }

    @Test
    void fourthWeekdayIsNeverTheFifthEvenInAMonthWithFive() {
        assertThat(Recurrence.dates(Frequency.MONTHLY, DayOfWeek.THURSDAY, 4, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30))).containsExactly(LocalDate.of(2026, 4, 23));
    }

    @Test
    void aFifthWeekOfMonthIsRefused() {
        assertThatThrownBy(() -> Recurrence.dates(Frequency.MONTHLY, DayOfWeek.MONDAY, 5, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Recurrence.dates(Frequency.MONTHLY, DayOfWeek.MONDAY, null, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planBoundariesCutTheFirstAndLastMonthAndIncludeTheirOwnDays() {
        // the first Monday of March 2027 is the 1st: a plan from March 2 skips it; the plan's last day counts
        assertThat(Recurrence.dates(Frequency.MONTHLY, DayOfWeek.MONDAY, 1, LocalDate.of(2027, 3, 2),
                LocalDate.of(2027, 5, 3))).containsExactly(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 3));
        assertThat(Recurrence.dates(Frequency.MONTHLY, DayOfWeek.MONDAY, 1, LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 5, 2))).containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 5));
    }

    @Test
    void fortnightlyStartsOnTheFirstMatchingDayAndStepsTwoWeeks() {
        // 2027-03-03 is a Wednesday; the first Friday on or after it is March 5
        assertThat(Recurrence.dates(Frequency.FORTNIGHTLY, DayOfWeek.FRIDAY, null, LocalDate.of(2027, 3, 3),
                LocalDate.of(2027, 4, 16))).containsExactly(LocalDate.of(2027, 3, 5), LocalDate.of(2027, 3, 19),
                LocalDate.of(2027, 4, 2), LocalDate.of(2027, 4, 16));
        // a plan that starts on the weekday itself starts that day
        assertThat(Recurrence.dates(Frequency.FORTNIGHTLY, DayOfWeek.WEDNESDAY, null, LocalDate.of(2027, 3, 3),
                LocalDate.of(2027, 3, 16))).containsExactly(LocalDate.of(2027, 3, 3));
    }

    @Test
    void aPlanEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> Recurrence.dates(Frequency.FORTNIGHTLY, DayOfWeek.FRIDAY, null,
                LocalDate.of(2027, 3, 3), LocalDate.of(2027, 3, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wallClockTimeStaysAcrossDaylightSaving() {
        // Chile: UTC-4 in winter (July), UTC-3 in summer (from September's first Sunday)
        Recurrence.Slot winter = Recurrence.slot(LocalDate.of(2026, 7, 8), LocalTime.of(9, 30), 180, SANTIAGO);
        Recurrence.Slot summer = Recurrence.slot(LocalDate.of(2026, 10, 14), LocalTime.of(9, 30), 180, SANTIAGO);
        assertThat(winter.startInstant()).isEqualTo(Instant.parse("2026-07-08T13:30:00Z"));
        assertThat(winter.endInstant()).isEqualTo(Instant.parse("2026-07-08T16:30:00Z"));
        assertThat(summer.startInstant()).isEqualTo(Instant.parse("2026-10-14T12:30:00Z"));
        assertThat(summer.start().toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void aTimeInTheSpringGapMovesForwardAndTheDurationIsKept() {
        // 2026-09-06 00:00 does not exist in Santiago (clocks jump to 01:00)
        Recurrence.Slot slot = Recurrence.slot(LocalDate.of(2026, 9, 6), LocalTime.of(0, 30), 60, SANTIAGO);
        assertThat(slot.start().toLocalTime()).isEqualTo(LocalTime.of(1, 30));
        assertThat(java.time.Duration.between(slot.startInstant(), slot.endInstant()).toMinutes()).isEqualTo(60);
    }

    @Test
    void slotsFollowTheDates() {
        List<Recurrence.Slot> slots = Recurrence.slots(Frequency.MONTHLY, DayOfWeek.WEDNESDAY, 2,
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30), LocalTime.of(9, 30), 180, SANTIAGO);
        assertThat(slots).extracting(s -> s.start().toLocalDate())
                .containsExactly(LocalDate.of(2026, 8, 12), LocalDate.of(2026, 9, 9));
        assertThat(slots.get(0).startInstant()).isEqualTo(Instant.parse("2026-08-12T13:30:00Z"));
        assertThat(slots.get(1).startInstant()).isEqualTo(Instant.parse("2026-09-09T12:30:00Z"));
    }
}
