package cl.redlocal.portal.privacy.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A recorded incident with what the portal computed and the drafted notices (to the authority, and to the
 * families of the children concerned).
 */
public record IncidentRow(long id, Instant windowFrom, Instant windowTo, String accounts, String whatHappened,
                          String measures, int children, int under14, List<String> categories, String recordedBy,
                          Instant recordedAt, String authorityNotice, String familyNotice) implements Serializable {
}
