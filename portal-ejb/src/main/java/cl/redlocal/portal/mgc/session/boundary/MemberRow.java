package cl.redlocal.portal.mgc.session.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A member of a table as listed and exported; leftOn set = no longer a member. */
public record MemberRow(long id, long tableId, String kind, String institution, String personName, String email,
                        Long userId, String username, Long programId, String programAcronym, LocalDate joinedOn,
                        LocalDate leftOn, int version) implements Serializable {

    public boolean active() {
        return leftOn == null;
    }
}
