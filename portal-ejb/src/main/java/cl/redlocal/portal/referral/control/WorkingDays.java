package cl.redlocal.portal.referral.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days as the answer deadline of a referral counts them: Monday to Friday except holidays. The
 * due day is the Nth working day after the day the referral was sent (a referral sent on a Friday with
 * one day to answer is due on Monday; one sent on a Saturday too). Pure calculation: the holidays are given.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The day {@code days} working days after {@code sentOn}; with zero days, the sent day itself. */
    public static LocalDate add(LocalDate sentOn, int days, Set<LocalDate> holidays) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate day = sentOn;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day, holidays)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * How many calendar days past {@code from} are enough to contain {@code days} working days whatever the
     * holidays (Chile has at most a handful in a row): the window of holidays to load.
     */
    public static int window(int days) {
        return days * 2 + 21;
    }
}
