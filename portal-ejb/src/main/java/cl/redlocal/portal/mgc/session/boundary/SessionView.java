package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The session page: the session, who is called and their answers, the agenda titles as they stand,
 * what the caller may do (edit as a co-facilitator of the comuna; convene a future planned session),
 * the caller's own participation when they are a member with a portal account, and the eventual
 * members who may still be invited.
 */
public record SessionView(SessionRow session, List<ParticipantRow> participants, List<String> agenda,
                          boolean editable, boolean convenable, Long myParticipantId, String myRsvp,
                          List<MemberRow> invitable) implements Serializable {

    public long confirmed() {
        return participants.stream().filter(p -> "YES".equals(p.rsvp())).count();
    }

    public long declined() {
        return participants.stream().filter(p -> "NO".equals(p.rsvp())).count();
    }
}
