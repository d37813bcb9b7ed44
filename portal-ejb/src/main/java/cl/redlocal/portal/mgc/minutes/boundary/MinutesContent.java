package cl.redlocal.portal.mgc.minutes.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What minutes say: attendance (with institutions), notes per agenda item, the discussion of each case
 * item (a case by code and initials only), decisions and the agreements made in the session. The live
 * draft and every approved version (a JSONB snapshot) have this shape; what a reader gets is filtered by
 * need-to-know (a case's discussion "reserved", a territorial manager's cases by code only).
 */
public record MinutesContent(List<Attendee> attendance, List<Item> items, List<CaseItem> cases, String decisions,
                             List<AgreementLine> agreements) implements Serializable {

    public MinutesContent {
        attendance = List.copyOf(attendance);
        items = List.copyOf(items);
        cases = List.copyOf(cases);
        agreements = List.copyOf(agreements);
    }

    /** A member or guest called to the session and whether they came (null while not recorded). */
    public record Attendee(long id, int version, String name, String institution, boolean guest, String attendance)
            implements Serializable {
    }

    public record Item(long id, int version, int position, String block, String title, String notes)
            implements Serializable {
    }

    /**
     * A case analysed: code and initials (null for a reader who sees codes only); the discussion unless
     * {@code reserved}; {@code linkable} when the reader may open the case.
     */
    public record CaseItem(long id, int version, long caseId, String code, String initials, String discussion,
                           boolean reserved, boolean linkable) implements Serializable {
    }

    /** An agreement as the minutes record it; {@code status} is the one shown (OVERDUE derived). */
    public record AgreementLine(long id, String description, String institution, String person, LocalDate dueOn,
                                String status, Long agendaItemId, String caseCodes) implements Serializable {
    }
}
