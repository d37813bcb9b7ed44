package cl.redlocal.portal.notify;

import java.io.Serializable;
import java.time.Instant;

/** One line of a person's portal inbox. */
public record NotificationRow(long id, Instant createdAt, String message, String link, Instant readAt)
        implements Serializable {

    public boolean unread() {
        return readAt == null;
    }
}
