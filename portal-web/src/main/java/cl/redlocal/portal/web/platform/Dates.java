package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.platform.SpanishDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Days inside a sentence of a page (#{dates.day(x)} as an f:param of h:outputFormat, where no converter
 * applies): the same dd-MM-yyyy as every f:convertDateTime of the portal, never ISO.
 */
@Named
@ApplicationScoped
public class Dates {

    public String day(LocalDate day) {
        return SpanishDates.day(day);
    }

    /** A moment in an export or a sentence: dd-MM-yyyy HH:mm in the comuna's time, never an ISO timestamp. */
    public String moment(Instant at) {
        return SpanishDates.dayTime(at);
    }
}
