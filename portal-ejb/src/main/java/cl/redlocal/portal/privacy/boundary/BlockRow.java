package cl.redlocal.portal.privacy.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One block of a child's record, in force ({@code liftedAt} null) or lifted: the history kept. */
public record BlockRow(long id, long childId, String caseCodes, String initials, Instant blockedAt, String blockedBy,
                       String reason, Instant liftedAt, String liftedBy, String liftReason) implements Serializable {
}
