package cl.redlocal.portal.privacy.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A child whose every case closed more than the retention term ago: codes, initials, last closing only. */
public record RetentionCandidate(long childId, String caseCodes, String initials, LocalDate lastClosedOn)
        implements Serializable {
}
