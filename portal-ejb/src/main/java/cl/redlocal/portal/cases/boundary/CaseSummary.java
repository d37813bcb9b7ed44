package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A case as its page shows it to somebody allowed to see it. */
public record CaseSummary(long id, String code, String initials, String fullName, String run, LocalDate birthDate,
                          int age, String status, LocalDate openedOn, List<Involvement> programs,
                          List<ReferralLine> referrals) implements Serializable {

    public record Involvement(String acronym, String programName, LocalDate startedOn, LocalDate endedOn)
            implements Serializable {
    }

    public record ReferralLine(long id, String from, String to,
                               cl.redlocal.portal.referral.entity.ReferralState state, java.time.Instant sentAt)
            implements Serializable {
    }
}
