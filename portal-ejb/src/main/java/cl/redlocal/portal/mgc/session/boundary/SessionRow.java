package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A session as lists, the calendar and the session page show it. */
public record SessionRow(long id, long tableId, String tableName, long comunaId, String comunaName, Instant startsAt,
                         Instant endsAt, String place, String videoLink, String state, String planLabel,
                         String movedReason, String cancelReason, int icalSequence, int version)
        implements Serializable {
}
