package cl.redlocal.portal.mgc.session.control;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationTest {

    private static final Invitation.Event EVENT = new Invitation.Event("abc@mgc.redlocal.cl", 2,
            Instant.parse("2027-01-13T12:30:00Z"), Instant.parse("2027-01-13T15:30:00Z"),
            "Mesa de Gestión de Casos", "Sala Municipal, Av. Central 123", "Tabla: bienvenida",
            "Co-facilitación MGC", "mesa@demo.cl");

    @Test
    void aRequestParsesBackWithItsUidSequenceTimesAndAttendee() throws Exception {
        Calendar calendar = parse(Invitation.ics(Invitation.Kind.REQUEST, EVENT, "Ana Pérez", "ana@demo.cl"));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("abc@mgc.redlocal.cl");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20270113T123000Z");
        assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20270113T153000Z");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue()).isEqualTo("mailto:ana@demo.cl");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter("RSVP").orElseThrow().getValue())
                .isEqualTo("TRUE");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:mesa@demo.cl");
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Sala Municipal, Av. Central 123");
    }

    @Test
    void aCancellationSaysCancel() throws Exception {
        Calendar calendar = parse(Invitation.ics(Invitation.Kind.CANCEL, EVENT, null, "ana@demo.cl"));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }
}
