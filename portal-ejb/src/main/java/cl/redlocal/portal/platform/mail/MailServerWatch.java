package cl.redlocal.portal.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Whether this node could reach the mail server at its last try, and since when it cannot: an outage
 * is shown to the administrator (the mails themselves simply wait, untouched).
 */
@ApplicationScoped
public class MailServerWatch {

    private volatile Instant downSince;
    private volatile String lastError;
    private volatile Instant lastContact;

    public void reached() {
        downSince = null;
        lastError = null;
        lastContact = Instant.now();
    }

    public void unreachable(Exception e) {
        if (downSince == null) {
            downSince = Instant.now();
        }
        String message = String.valueOf(e.getMessage());
        lastError = message.length() > 300 ? message.substring(0, 300) : message;
    }

    public Instant downSince() {
        return downSince;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastContact() {
        return lastContact;
    }
}
