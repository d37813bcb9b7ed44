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

    public boolean fits() {
        return reasons.isEmpty();
    }

    public boolean hasVacancy() {
        return vacancies > 0;
    }
}
