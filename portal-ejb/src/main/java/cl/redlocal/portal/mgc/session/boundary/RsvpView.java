package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;

/** What the public answer page shows: only the session's date and the table's name, and the answer so far. */
public record RsvpView(String when, String tableName, String rsvp, boolean open) implements Serializable {
}
