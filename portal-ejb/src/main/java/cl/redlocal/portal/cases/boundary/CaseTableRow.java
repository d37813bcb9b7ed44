package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.cases.entity.CaseStatus;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A line of the shared case table: the case by code and initials (never a name), the programs working
 * with the child now, what is pending, and why it may need the table's attention; with a program filter,
 * {@code filterMatch} says when the case matched only by waiting for that program or being referred to it.
 */
public record CaseTableRow(long id, String code, String initials, int age, String sector, CaseStatus status,
                           LocalDate openedOn, String programs, int activePrograms, int familyPrograms,
                           int openAlerts, AlertSeverity highestAlert, int pendingReferrals, Instant waitingSince,
                           BigDecimal priority, boolean overIntervened, boolean familyOverIntervened,
                           String filterMatch)
        implements Serializable {

    /** Why a case matched the program filter when that program does not work with the child now. */
    public static final String WAITING = "WAITING";
    public static final String REFERRED = "REFERRED";

    /** Flagged either way: the child in too many programs at once, or the family spread across too many. */
    public boolean flagged() {
        return overIntervened || familyOverIntervened;
    }
}
