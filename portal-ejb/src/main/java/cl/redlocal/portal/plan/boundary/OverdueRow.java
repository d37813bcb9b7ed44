package cl.redlocal.portal.plan.boundary;

import cl.redlocal.portal.plan.entity.Dimension;

import java.io.Serializable;
import java.time.LocalDate;

/** One overdue action of the caller's program (or comuna, for a co-facilitator): case code and initials only. */
public record OverdueRow(long actionId, long caseId, String caseCode, String initials, Dimension dimension,
                         String description, String programAcronym, String responsible, LocalDate dueOn,
                         int daysOverdue, int progress) implements Serializable {
}
