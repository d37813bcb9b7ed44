package cl.redlocal.portal.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates inside Spanish sentences the portal writes outside a page (mails, CSV notes, audit details):
 * the day as people in Chile write it (13-05-2026), never ISO. Pages format with f:convertDateTime.
 */
public final class SpanishDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final ZoneId CHILE = ZoneId.of("America/Santiago");

    private SpanishDates() {
    }

    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** A moment as the wall-clock day and time in continental Chile. */
    public static String dayTime(Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atZone(CHILE));
    }
}
