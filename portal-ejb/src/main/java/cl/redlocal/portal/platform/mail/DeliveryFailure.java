package cl.redlocal.portal.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

import java.time.Duration;

/**
 * What a failed delivery means. Only a recipient the mail server refuses for good (5xx on RCPT, which
 * Jakarta Mail reports as invalid addresses) or an address that cannot be written is permanent: the mail
 * is FAILED and shown to the administrator, who may correct and retry it. Everything else (the server
 * away, a 4xx, a dropped connection) is an outage: the mail waits and is tried again, however long it
 * lasts, never turned into a silent loss.
 */
public final class DeliveryFailure {

    private DeliveryFailure() {
    }

    public static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SendFailedException s && s.getInvalidAddresses() != null
                    && s.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    /** The pause before a mail's next try after a transient failure: 1, 2, 4, 8 minutes, then {@code max}. */
    public static Duration pause(int attempts, Duration max) {
        long minutes = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration pause = Duration.ofMinutes(minutes);
        return pause.compareTo(max) > 0 ? max : pause;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
