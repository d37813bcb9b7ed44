package cl.redlocal.portal.mgc.network.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A training in the list: the session's day and table, subject, kind, who gave it, attendees. */
public record TrainingRow(long id, long sessionId, LocalDate sessionDay, String tableName, String subject, String kind,
                          String givenBy, int attendees, String attendeeNames) implements Serializable {
}
