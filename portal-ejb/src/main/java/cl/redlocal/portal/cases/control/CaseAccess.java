package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;

/**
 * Need-to-know as one JPQL condition over a case alias {@code c}, so lists and single reads apply the
 * same rule in SQL: always the caller's comuna; a co-facilitator sees every case of it; a program
 * professional only the cases their program holds or held, that were referred to or from it, or whose access
 * request (intake, 24 Horas list) came to it.
 * Other roles see no case (the coordinator and the territorial manager work with counts).
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean readsCases(CallerProfile caller) {
        return caller.role() == Role.COFACILITADOR || caller.role() == Role.PROFESIONAL;
    }

    /** The condition; bind {@code :accessComuna} and, for professionals, {@code :accessProgram}. */
    public static String condition(CallerProfile caller) {
        return switch (caller.role()) {
            case COFACILITADOR -> "c.comuna.id = :accessComuna";
            case PROFESIONAL -> "c.comuna.id = :accessComuna AND ("
                    + "EXISTS (SELECT i FROM CaseInvolvement i WHERE i.caseFile = c AND i.program.id = :accessProgram)"
                    + " OR EXISTS (SELECT r FROM Referral r WHERE r.caseFile = c"
                    + " AND (r.toProgram.id = :accessProgram OR r.fromProgram.id = :accessProgram))"
                    // an access request to the program (intake, 24 Horas list) involves it from the start
                    + " OR EXISTS (SELECT a FROM AccessRequest a WHERE a.caseFile = c AND a.program.id = :accessProgram))";
            default -> "1 = 0";
        };
    }

    public static void bind(jakarta.persistence.Query query, CallerProfile caller) {
        if (readsCases(caller)) {
            query.setParameter("accessComuna", caller.comunaId());
        }
        if (caller.role() == Role.PROFESIONAL) {
            query.setParameter("accessProgram", caller.programId());
        }
    }
}
