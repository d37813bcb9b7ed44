package cl.redlocal.portal.mgc.agenda.control;

import java.io.Serializable;

/**
 * One receiving program's figures for the flows block: referrals sent to it in the period, answered
 * accepted (admitted or waiting) or rejected in the period, overdue (unanswered past their due day at the
 * session); admissions started in the period; its waiting list at the session (length, oldest wait in
 * days) and the change in length since the period began.
 */
public record FlowLine(long programId, String acronym, long sent, long accepted, long rejected, long overdue,
                       long admissions, long waiting, Integer oldestWaitDays, long waitingChange) implements Serializable {

    public String changeLabel() {
        return waitingChange > 0 ? "+" + waitingChange : String.valueOf(waitingChange);
    }
}
