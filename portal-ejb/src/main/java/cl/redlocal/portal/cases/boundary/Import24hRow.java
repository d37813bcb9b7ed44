package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.offer.boundary.ImportProblem;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a 24 Horas list as the preview shows it: the child by initials, what the import will do with it
 * (matched to a registered child, a new child, the same child as an earlier row) and, for an error, why; notes
 * say what was read in a way the file did not spell out (a sex "X" taken as Otro).
 */
public record Import24hRow(int row, String initials, LocalDate birthDate, LocalDate procedureDate, Outcome outcome,
                           String caseCode, Integer sameAsRow, List<ImportProblem> problems,
                           List<ImportProblem> notes) implements Serializable {

    public enum Outcome { MATCHED_RUN, MATCHED_NAMES, NEW_CHILD, SAME_AS_ROW, ERROR }

    public Import24hRow {
        problems = List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public boolean valid() {
        return outcome != Outcome.ERROR;
    }
}
