package cl.redlocal.portal.cases.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as its page shows it to somebody allowed to see it: the child, every program involved now
 * and before, the trajectory as dated events, and the flags that call for coordination.
 */
public record CaseSummary(long id, String code, String initials, String fullName, String run, LocalDate birthDate,
                          int age, String status, LocalDate openedOn, List<Involvement> programs,
                          List<TrajectoryEvent> trajectory, Flags flags) implements Serializable {

    public record Involvement(String acronym, String programName, LocalDate startedOn, LocalDate endedOn,
                              String exitReason, boolean reentry) implements Serializable {
        public boolean active() {
            return endedOn == null;
        }
    }

    /** ENTRY, REENTRY, EXIT, REFERRAL: one dated line of the child's path through the local system. */
    public record TrajectoryEvent(LocalDate on, String kind, String program, String detail, String referralState)
            implements Serializable {
    }

    /**
     * activePrograms / maxPrograms: the child in more programs at once than the comuna's threshold;
     * familyPrograms / maxFamilyPrograms: the family spread across more; reentriesInFiveYears counts the
     * child's re-entries in the last 5 years (episodes after the first, fact_episode; docs/facts.md), and one
     * or more (two or more entries into the system) is a critical trajectory (seed 001).
     */
    public record Flags(int activePrograms, int maxPrograms, int familyPrograms, int maxFamilyPrograms,
                        int reentriesInFiveYears) implements Serializable {
        public boolean overIntervened() {
            return activePrograms > maxPrograms;
        }

        public boolean familyOverIntervened() {
            return familyPrograms > maxFamilyPrograms;
        }

        public boolean criticalTrajectory() {
            return reentriesInFiveYears >= 1;
        }
    }
}
