package cl.redlocal.portal.privacy.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One read or change of a child's record from the audit trail: when, who (role, program), what, outcome. */
public record AccessRow(Instant at, String username, String role, String program, String action, String entityType,
                        String outcome, String detail) implements Serializable {
}
