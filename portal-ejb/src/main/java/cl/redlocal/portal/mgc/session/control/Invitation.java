package cl.redlocal.portal.mgc.session.control;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The iCalendar (.ics) of a convocation for one attendee: METHOD:REQUEST for an invitation or an update
 * (same UID, higher SEQUENCE), METHOD:CANCEL for a cancellation. Start and end are written in UTC, which
 * every calendar converts to the reader's zone; no VTIMEZONE to get wrong.
 */
public final class Invitation {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8; method=";

    public enum Kind { REQUEST, CANCEL }

    public record Event(String uid, int sequence, Instant start, Instant end, String summary, String location,
                        String description, String organizerName, String organizerEmail) {
    }

    private Invitation() {
    }

    /**
     * A calendar to publish (METHOD:PUBLISH): a session's download or a personal feed. No attendees; a
     * cancelled session stays with STATUS:CANCELLED so that a subscribed calendar drops it.
     */
    public static byte[] publish(String name, List<Event> events, java.util.Set<String> cancelledUids) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Red Local//Mesa de Gestión de Casos//ES"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        Instant stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Event event : events) {
            VEvent vevent = new VEvent(false);
            vevent.add(new Uid(event.uid()));
            vevent.add(new Sequence(event.sequence()));
            vevent.add(new DtStamp(stamp));
            vevent.add(new DtStart<>(event.start().truncatedTo(ChronoUnit.SECONDS)));
            vevent.add(new DtEnd<>(event.end().truncatedTo(ChronoUnit.SECONDS)));
            vevent.add(new Summary(event.summary()));
            if (event.location() != null) {
                vevent.add(new Location(event.location()));
            }
            if (event.description() != null) {
                vevent.add(new Description(event.description()));
            }
            vevent.add(cancelledUids.contains(event.uid()) ? ImmutableStatus.VEVENT_CANCELLED
                    : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(vevent);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] ics(Kind kind, Event event, String attendeeName, String attendeeEmail) {
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new DtStamp(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new DtStart<>(event.start().truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new DtEnd<>(event.end().truncatedTo(ChronoUnit.SECONDS)));
        vevent.add(new Summary(event.summary()));
        if (event.location() != null) {
            vevent.add(new Location(event.location()));
        }
        if (event.description() != null) {
            vevent.add(new Description(event.description()));
        }
        vevent.add(new Organizer(new ParameterList(List.of(new Cn(event.organizerName()))),
                URI.create("mailto:" + event.organizerEmail())));
        vevent.add(new Attendee(new ParameterList(List.of(new Cn(attendeeName == null ? attendeeEmail : attendeeName),
                Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.TRUE)), URI.create("mailto:" + attendeeEmail)));
        vevent.add(kind == Kind.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Red Local//Mesa de Gestión de Casos//ES"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(kind == Kind.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(vevent);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
