package cl.redlocal.portal.platform.job;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

    private static ZonedDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SANTIAGO);
    }

    @Test
    void aDailyJobIsNotDueBeforeItsTimeAndDueTheWholeRestOfTheDaySoAMissedRunCatchesUp() {
        Cadence daily = new Cadence.Daily(LocalTime.of(8, 30));
        assertThat(daily.duePeriod(at("2026-12-07T08:29:59"))).isEmpty();
        assertThat(daily.duePeriod(at("2026-12-07T08:30:00"))).contains("2026-12-07");
        // the database was away at 08:30: the same period is still due in the afternoon
        assertThat(daily.duePeriod(at("2026-12-07T15:10:00"))).contains("2026-12-07");
        assertThat(daily.duePeriod(at("2026-12-08T08:31:00"))).contains("2026-12-08");
    }

    @Test
    void anHourlyJobKeepsTheExistingPeriodNamesAndOpensAtItsMinute() {
        Cadence hourly = new Cadence.Hourly(7);
        assertThat(hourly.duePeriod(at("2026-12-07T10:06:59"))).isEmpty();
        assertThat(hourly.duePeriod(at("2026-12-07T10:07:00"))).contains("2026-12-07T10");
        assertThat(hourly.duePeriod(at("2026-12-07T10:59:00"))).contains("2026-12-07T10");
    }

    @Test
    void anIntervalJobHasOnePeriodPerIntervalWhateverTheZone() {
        Cadence every = new Cadence.Every(Duration.ofMinutes(15));
        ZonedDateTime t = at("2026-12-07T10:00:00");
        String first = every.duePeriod(t).orElseThrow();
        assertThat(every.duePeriod(t.plusMinutes(14))).contains(first);
        assertThat(every.duePeriod(t.plusMinutes(15))).isNotEqualTo(every.duePeriod(t));
        assertThat(every.duePeriod(t.withZoneSameInstant(ZoneId.of("UTC")))).contains(first);
    }
}
