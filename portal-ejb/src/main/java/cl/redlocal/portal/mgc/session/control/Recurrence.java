package cl.redlocal.portal.mgc.session.control;

import cl.redlocal.portal.mgc.session.entity.Frequency;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of a plan's sessions, and their instants in the comuna's zone. Pure rules, no container.
 *
 * <p>MONTHLY: the n-th (1..4) or the last (-1) given weekday of every month, within the plan's days
 * (both ends included). FORTNIGHTLY: the first given weekday on or after the plan's first day, then
 * every 14 days up to its last day. Times are wall-clock times in the zone: a session at 09:30 stays at
 * 09:30 across a daylight-saving change (its UTC instant moves); a time that does not exist on the day
 * the clocks go forward (in Chile, 00:00-00:59) is pushed forward by the gap, as ZonedDateTime does.
 */
public final class Recurrence {

    /** A session's start and end, in the zone. */
    public record Slot(ZonedDateTime start, ZonedDateTime end) {
        public Instant startInstant() {
            return start.toInstant();
        }

        public Instant endInstant() {
            return end.toInstant();
        }
    }

    private Recurrence() {
    }

    public static List<LocalDate> dates(Frequency frequency, DayOfWeek weekday, Integer weekOfMonth,
                                        LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the plan ends before it starts");
        }
        List<LocalDate> result = new ArrayList<>();
        if (frequency == Frequency.FORTNIGHTLY) {
            for (LocalDate d = from.with(TemporalAdjusters.nextOrSame(weekday)); !d.isAfter(to); d = d.plusWeeks(2)) {
                result.add(d);
            }
            return result;
        }
        if (weekOfMonth == null || !(weekOfMonth == -1 || (weekOfMonth >= 1 && weekOfMonth <= 4))) {
            throw new IllegalArgumentException("week of month must be 1..4 or -1 (last)");
        }
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate d = weekOfMonth == -1
                    ? m.atEndOfMonth().with(TemporalAdjusters.previousOrSame(weekday))
                    : m.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(weekOfMonth, weekday));
            if (!d.isBefore(from) && !d.isAfter(to)) {
                result.add(d);
            }
        }
        return result;
    }

    public static Slot slot(LocalDate day, LocalTime start, int durationMinutes, ZoneId zone) {
        ZonedDateTime begins = ZonedDateTime.of(day, start, zone);
        // plus on the instant: a 3-hour session lasts 3 hours even when the clocks change meanwhile
        return new Slot(begins, begins.plusMinutes(durationMinutes));
    }

    public static List<Slot> slots(Frequency frequency, DayOfWeek weekday, Integer weekOfMonth, LocalDate from,
                                   LocalDate to, LocalTime start, int durationMinutes, ZoneId zone) {
        return dates(frequency, weekday, weekOfMonth, from, to).stream()
                .map(d -> slot(d, start, durationMinutes, zone)).toList();
    }
}
