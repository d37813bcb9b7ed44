package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.entity.CaseStatus;

import java.io.Serializable;
import java.time.LocalDate;

/** A case in a list: its code and the child's initials only (lists are never where a name is read). */
public record CaseRow(long id, String code, String initials, CaseStatus status, LocalDate openedOn)
        implements Serializable {
}
