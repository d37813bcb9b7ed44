package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * An agreement in a list: the session it was made in, what, who, by when, its status as shown (OVERDUE
 * derived) and the codes of the cases it concerns; {@code updatable} when the caller may record a
 * follow-up (a co-facilitator of its comuna, or the professional or program that answers for it).
 */
public record AgreementRow(long id, int version, String comunaName, String tableName, long sessionId,
                           LocalDate sessionDay, String description, String institution, String person, String email,
                           LocalDate dueOn, AgreementStatus status, AgreementStatus shown, LocalDate doneOn,
                           String caseCodes, boolean updatable) implements Serializable {

    public boolean overdue() {
        return shown == AgreementStatus.OVERDUE;
    }
}
