package cl.redlocal.portal.platform.job;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * When a job is due, as periods: each period is done once, and a period whose work failed (the
 * database was away) is still due at the next tick, so the work catches up instead of waiting for the
 * next day. A node that starts late in a period does that period's work too.
 */
public sealed interface Cadence {

    /** The period due at {@code now}, or empty when the current period's window has not opened yet. */
    Optional<String> duePeriod(ZonedDateTime now);

    /** Once in every interval (periods counted from the epoch). */
    record Every(Duration interval) implements Cadence {
        @Override
        public Optional<String> duePeriod(ZonedDateTime now) {
            return Optional.of(Long.toString(now.toEpochSecond() / interval.toSeconds()));
        }
    }

    /** Once an hour, from the given minute on (periods named like 2026-12-07T08, the existing job_run rows). */
    record Hourly(int minute) implements Cadence {
        private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

        @Override
        public Optional<String> duePeriod(ZonedDateTime now) {
            return now.getMinute() < minute ? Optional.empty() : Optional.of(now.format(HOUR));
        }
    }

    /** Once a day, from the given local time on (periods named by the day, 2026-12-07). */
    record Daily(LocalTime at) implements Cadence {
        @Override
        public Optional<String> duePeriod(ZonedDateTime now) {
            return now.toLocalTime().isBefore(at) ? Optional.empty() : Optional.of(now.toLocalDate().toString());
        }
    }
}
