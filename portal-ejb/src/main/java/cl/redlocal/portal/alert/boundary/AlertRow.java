package cl.redlocal.portal.alert.boundary;

import java.io.Serializable;
import java.time.Instant;

/** An alert as lists show it: the case by code and the child's initials only. */
public record AlertRow(long id, int version, long caseId, String caseCode, String initials, String kind,
                       String severity, String state, String description, String source, String raisedBy,
                       Instant raisedAt, String acknowledgedBy, String resolvedBy, String resolutionReason,
                       Instant escalatedAt, Instant agendaRequestedAt, String agendaRequestedBy) implements Serializable {
}
