package cl.redlocal.portal.mgc.agenda.control;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/** A candidate case for the table's analysis with every reason it qualifies (code and initials only). */
public record Suggestion(long caseId, String code, String initials, List<Reason> reasons) implements Serializable {

    /** A reason: its kind (for the page and the tests) and the Spanish sentence kept on the case item. */
    public record Reason(Kind kind, String text) implements Serializable {
    }

    public enum Kind { HIGH_ALERT, MANY_ALERTS, PROGRAMS, OVERDUE_ACTIONS, NO_PROGRESS, REJECTED_REFERRALS, ALERT_REQUEST }

    public boolean has(Kind kind) {
        return reasons.stream().anyMatch(r -> r.kind() == kind);
    }

    public String reasonText() {
        return reasons.stream().map(Reason::text).collect(Collectors.joining("; "));
    }
}
