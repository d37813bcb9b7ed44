package cl.redlocal.portal.mgc.agenda.boundary;

import cl.redlocal.portal.mgc.agenda.control.FlowsBlock;
import cl.redlocal.portal.mgc.agenda.control.SessionRef;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A session's agenda as the caller may read it. {@code editable}: a co-facilitator of the comuna and the
 * session not held or cancelled. {@code showsInitials}: false for the territorial manager (code only).
 */
public record AgendaView(SessionRef session, LocalDate day, boolean editable, boolean showsInitials,
                         boolean nextSession, List<Item> items, List<Agreement> agreements, FlowsBlock flows,
                         List<CaseRow> cases, List<PendingRequest> pending) implements Serializable {

    public boolean prepared() {
        return !items.isEmpty();
    }

    public record Item(long id, int version, int position, String block, String title, String description,
                       boolean removable) implements Serializable {
    }

    public record Agreement(long id, String description, String institution, String responsible, LocalDate dueOn,
                            String status, boolean overdue, LocalDate agreedOn) implements Serializable {
    }

    /** A case item: code (and initials unless code only); {@code pauta}: the caller may open its pauta. */
    public record CaseRow(long id, int version, long caseId, String code, String initials, String origin, String state,
                          String reasons, String proposedBy, boolean pauta) implements Serializable {
    }

    public record PendingRequest(long id, long caseId, String code, String initials, String reason, String requestedBy)
            implements Serializable {
    }
}
