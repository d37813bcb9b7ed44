package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.referral.control.EligibilityCheck.Reason;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Before sending: does the child fit the target program, and will it find a vacancy or join a waiting list?
 * {@code reasons} holds every unmet condition (empty when the child fits); {@code dueOn} is the day the
 * program would have to answer by if sent today.
 */
public record Eligibility(long programId, String acronym, String programName, int childAge, String childSector,
                          Integer minAge, Integer maxAge, String territory, int vacancies, long waiting,
                          LocalDate dueOn, List<Reason> reasons) implements Serializable {

    /** Conditions about sending (own program, a referral already open) that mean nothing once it was sent. */
    private static final List<String> SENDING_ONLY = List.of("referral.eligibility.ownProgram",
            "referral.eligibility.alreadyOpen");

    /** The same check as the receiving program reads it on a referral already sent. */
    public Eligibility ofSentReferral() {
        return new Eligibility(programId, acronym, programName, childAge, childSector, minAge, maxAge, territory,
                vacancies, waiting, dueOn, reasons.stream().filter(r -> !SENDING_ONLY.contains(r.key())).toList());
    }

    public boolean fits() {
        return reasons.isEmpty();
    }

    public boolean hasVacancy() {
        return vacancies > 0;
    }
}
