package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.cases.control.Placement;
import cl.redlocal.portal.cases.entity.Admissibility;

import java.io.Serializable;

/**
 * What an admissibility decision did: for an admissible request, whether the child took a slot of the
 * program or joined its waiting list, and how many children that list then holds (this one included).
 */
public record DecisionOutcome(Admissibility decision, Placement.Outcome placement, String programAcronym,
                              long waiting) implements Serializable {
}
