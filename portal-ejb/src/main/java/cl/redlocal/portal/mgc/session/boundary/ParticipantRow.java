package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;
import java.time.Instant;

/** Someone called to a session and their answer; kind is PERMANENT, EVENTUAL or GUEST. */
public record ParticipantRow(long id, Long memberId, String kind, String name, String institution, String email,
                             String rsvp, Instant rsvpAt) implements Serializable {
}
