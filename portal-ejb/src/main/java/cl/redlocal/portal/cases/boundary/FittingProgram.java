package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;

/** A program of the offer map whose eligibility fits the child: where a not-admissible request may be referred. */
public record FittingProgram(long id, String acronym, String name, Integer minAge, Integer maxAge, String territory,
                             int vacancies, long waiting) implements Serializable {
}
