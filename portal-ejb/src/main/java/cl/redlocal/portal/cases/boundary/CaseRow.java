package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A case in a list: code and initials only. */
public record CaseRow(long id, String code, String givenNames, String paternalSurname, String maternalSurname,
                      LocalDate birthDate,
                      cl.redlocal.portal.cases.entity.CaseStatus status, LocalDate openedOn) implements Serializable {

    public String initials() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[]{givenNames, paternalSurname, maternalSurname}) {
            if (part != null && !part.isBlank()) {
                sb.append(Character.toUpperCase(part.trim().charAt(0))).append('.');
            }
        }
        return sb.toString();
    }
}
