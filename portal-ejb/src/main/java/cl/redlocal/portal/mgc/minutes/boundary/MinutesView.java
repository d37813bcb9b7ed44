package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.mgc.minutes.entity.MinutesState;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A session's minutes as the caller may read them: the session (comuna letterhead, table, day, time,
 * place), the minutes' state and versions, the content, and for co-facilitators what they may do: edit
 * the draft, close the session, approve the previous session's minutes.
 */
public record MinutesView(long sessionId, int sessionVersion, long comunaId, String comunaName, long tableId,
                          String tableName, LocalDate day, LocalTime startsAt, LocalTime endsAt, String place,
                          String videoLink, String sessionState, long minutesId, int minutesVersion,
                          MinutesState state, int currentVersion, java.time.Instant approvedAt, String approvedBy,
                          Long approvedInSessionId, LocalDate approvedInSessionDay, String approvalCorrections,
                          MinutesContent content, boolean editable, boolean closable, Previous previous,
                          List<VersionInfo> versions) implements Serializable {

    public boolean locked() {
        return state == MinutesState.APPROVED;
    }

    /** The previous session of the same table whose draft this session may approve. */
    public record Previous(long sessionId, LocalDate day, long minutesId, int minutesVersion) implements Serializable {
    }

    public record VersionInfo(int number, String reason, String createdBy, java.time.Instant createdAt)
            implements Serializable {
    }
}
