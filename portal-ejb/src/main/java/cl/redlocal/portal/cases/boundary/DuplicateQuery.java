package cl.redlocal.portal.cases.boundary;

import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.time.LocalDate;

/** What the duplicate search looks for: a RUN, and/or names with a birth date. */
public record DuplicateQuery(@Size(max = 12) String run, @Size(max = 150) String givenNames,
                             @Size(max = 100) String paternalSurname, @Size(max = 100) String maternalSurname,
                             LocalDate birthDate) implements Serializable {
}
