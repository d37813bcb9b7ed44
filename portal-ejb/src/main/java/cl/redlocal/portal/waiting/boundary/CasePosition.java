package cl.redlocal.portal.waiting.boundary;

import java.io.Serializable;

/** Where a case waits: the program, its place in that list (of how many) and why. */
public record CasePosition(long programId, String acronym, String programName, int listLength, WaitingRow row)
        implements Serializable {
}
