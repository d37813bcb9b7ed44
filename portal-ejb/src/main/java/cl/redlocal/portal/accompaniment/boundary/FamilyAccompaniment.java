package cl.redlocal.portal.accompaniment.boundary;

import cl.redlocal.portal.accompaniment.entity.SessionKind;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A family as its accompaniment page shows it: the family's code, its children's cases (code and
 * initials), the running accompaniment if any, its sessions (newest first), the last contact and the
 * accompaniments that ended.
 */
public record FamilyAccompaniment(long familyId, String familyCode, List<CaseRef> cases, Current current,
                                  List<Session> sessions, LocalDate lastContact, List<Person> responsibles,
                                  List<Ended> ended)
        implements Serializable {

    /** An earlier accompaniment of the family that ended, and why. */
    public record Ended(LocalDate startedOn, LocalDate endedOn, String reason, String endedBy) implements Serializable {
    }

    public record CaseRef(long caseId, String code, String initials) implements Serializable {
    }

    public record Current(long id, int version, long responsibleUserId, String responsible, LocalDate startedOn,
                          String goals, String agreedActions, String familyGoals) implements Serializable {
    }

    public record Session(long id, LocalDate heldOn, SessionKind kind, String attendees, String notes,
                          String nextStep, String recordedBy) implements Serializable {
    }

    public record Person(long userId, String fullName, String program) implements Serializable {
    }

    public boolean underAccompaniment() {
        return current != null;
    }
}
