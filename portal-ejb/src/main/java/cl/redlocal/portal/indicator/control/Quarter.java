package cl.redlocal.portal.indicator.control;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q3}: the period every indicator is computed and published for. */
public record Quarter(int year, int quarter) implements Serializable, Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4 || year < 2000 || year > 2100) {
            throw new IllegalArgumentException("No quarter: " + year + "-Q" + quarter);
        }
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** {@code 2026-Q3}; empty for anything else. */
    public static Optional<Quarter> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            return Optional.empty();
        }
        return Optional.of(new Quarter(year, Integer.parseInt(m.group(2))));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The first day after the quarter (the exclusive end of its interval). */
    public LocalDate endExclusive() {
        return firstDay().plusMonths(3);
    }

    /** Ended when its last day is before {@code today}: only then may it be published. */
    public boolean endedBefore(LocalDate today) {
        return lastDay().isBefore(today);
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public Quarter minus(int quarters) {
        Quarter q = this;
        for (int i = 0; i < quarters; i++) {
            q = q.previous();
        }
        return q;
    }

    /** The {@code count} quarters ending with this one, oldest first. */
    public List<Quarter> trail(int count) {
        List<Quarter> out = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            out.add(minus(i));
        }
        return out;
    }

    /** The same text as {@link #toString}, for EL (records expose components only). */
    public String label() {
        return toString();
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }
}
