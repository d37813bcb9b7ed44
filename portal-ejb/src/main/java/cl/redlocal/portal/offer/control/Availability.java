package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.entity.ProgramStatus;

/**
 * Whether a program can take somebody now, as the map colours it. Derived from the status, the
 * vacancies and the waiting list; never stored.
 */
public enum Availability {

    /** Active with at least one vacancy (green). */
    AVAILABLE,
    /** Active, no vacancy, and children waiting for one (red). */
    FULL_WITH_WAITING_LIST,
    /** Active, no vacancy, nobody waiting (orange). */
    FULL,
    /** Suspended or closed: takes nobody now, whatever its numbers say (grey). */
    INACTIVE;

    public static Availability of(ProgramStatus status, int vacancies, long waiting) {
        if (status != ProgramStatus.ACTIVE) {
            return INACTIVE;
        }
        if (vacancies > 0) {
            return AVAILABLE;
        }
        return waiting > 0 ? FULL_WITH_WAITING_LIST : FULL;
    }
}
