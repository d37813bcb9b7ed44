package cl.redlocal.portal.waiting.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A program's waiting list in order, with what the caller may do on it: admit and exit (the program's own
 * professionals), fix positions (co-facilitators), see initials (everyone but the coordinator).
 */
public record WaitingList(long programId, String acronym, String programName, int slots, int occupied,
                          List<WaitingRow> rows, boolean mayAdmit, boolean mayOverride, boolean showsInitials)
        implements Serializable {

    public int vacancies() {
        return Math.max(0, slots - occupied);
    }
}
