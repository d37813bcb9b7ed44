package cl.redlocal.portal.audit.control;

import java.io.Serializable;
import java.time.LocalDate;

/** What an administrator narrows the audit trail by; null or blank means "any". */
public record AuditFilter(LocalDate from, LocalDate to, String username, AuditAction action, String entityType,
                          String entityId, AuditOutcome outcome) implements Serializable {

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
