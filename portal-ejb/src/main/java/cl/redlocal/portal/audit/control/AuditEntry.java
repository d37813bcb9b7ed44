package cl.redlocal.portal.audit.control;

import java.io.Serializable;
import java.time.Instant;

/** One row of the audit trail as the search shows it. */
public record AuditEntry(long id, Instant occurredAt, String username, String role, Long comunaId,
                         String action, String entityType, String entityId, String outcome, String detail,
                         String clientIp) implements Serializable {
}
