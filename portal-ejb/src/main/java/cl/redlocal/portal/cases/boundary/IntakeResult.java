package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;

/** What an intake did: the case (reused or opened) and the access request. */
public record IntakeResult(long caseId, String caseCode, long childId, long accessRequestId, boolean newChild,
                           boolean newCase) implements Serializable {
}
