package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A case in a list: code and initials only. */
public record CaseRow(long id, String code, String givenNames, String paternalSurname, String maternalSurname,
                      LocalDate birthDate,
                      cl.redlocal.portal.cases.entity.CaseStatus status, LocalDate openedOn) implements Serializable {

    public String initials() {
        return cl.redlocal.portal.cases.entity.Child.initialsOf(givenNames, paternalSurname, maternalSurname);
    }
}
