package cl.redlocal.portal.mgc.minutes.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A follow-up note of an agreement, with the status change it recorded and the session it was made in. */
public record AgreementNote(Instant writtenAt, String writtenBy, String statusFrom, String statusTo, String note,
                            LocalDate sessionDay) implements Serializable {
}
