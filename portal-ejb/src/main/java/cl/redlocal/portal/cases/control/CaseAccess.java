package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.privacy.control.Withheld;

import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;

/**
 * Need-to-know as one condition over a case, so lists and single reads apply the same rule in SQL:
 * always the caller's comuna; a co-facilitator sees every case of it; a program professional only the
 * cases their program holds or held, received an access request for, or that were referred to or from
 * it. Other roles see no case (the coordinator and the territorial manager work with counts).
 * {@link #condition} is the JPQL form over an alias {@code c}; {@link #sql} the native-SQL form over a
 * case_file alias, for the projections of the shared case table.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean readsCases(CallerProfile caller) {
        return caller.role() == Role.COFACILITADOR || caller.role() == Role.PROFESIONAL;
    }

    /**
     * The condition; bind {@code :accessComuna} and, for professionals, {@code :accessProgram}. A child whose
     * record is blocked or anonymised is withheld ({@link Withheld}): its cases leave every list and read.
     */
    public static String condition(CallerProfile caller) {
        return "(" + entitled(caller) + " AND " + Withheld.jpql("c.child.id") + ")";
    }

    /**
     * Who holds the case, whether or not its child is withheld: for the data-rights features only, which
     * read a blocked record with a stated reason (same parameters as {@link #condition}).
     */
    public static String entitled(CallerProfile caller) {
        return switch (caller.role()) {
            case COFACILITADOR -> "c.comuna.id = :accessComuna";
            case PROFESIONAL -> "c.comuna.id = :accessComuna AND ("
                    + "EXISTS (SELECT i FROM CaseInvolvement i WHERE i.caseFile = c AND i.program.id = :accessProgram)"
                    + " OR EXISTS (SELECT a FROM AccessRequest a WHERE a.caseFile = c AND a.program.id = :accessProgram)"
                    + " OR EXISTS (SELECT r FROM Referral r WHERE r.caseFile = c"
                    + " AND (r.toProgram.id = :accessProgram OR r.fromProgram.id = :accessProgram)))";
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

    /**
     * The case with its child when the caller may see it; empty otherwise (the caller audits the denial
     * with its own words). The one lookup every service starts a case-level action with.
     */
    public static java.util.Optional<cl.redlocal.portal.cases.entity.CaseFile> visibleCase(
            jakarta.persistence.EntityManager em, CallerProfile caller, long caseId) {
        jakarta.persistence.TypedQuery<cl.redlocal.portal.cases.entity.CaseFile> q = em.createQuery(
                "SELECT c FROM CaseFile c JOIN FETCH c.child WHERE c.id = :id AND " + condition(caller),
                cl.redlocal.portal.cases.entity.CaseFile.class).setParameter("id", caseId);
        bind(q, caller);
        return q.getResultList().stream().findFirst();
    }

    /** The case with its child when the caller holds it, even while its child is withheld (data rights only). */
    public static java.util.Optional<cl.redlocal.portal.cases.entity.CaseFile> entitledCase(
            jakarta.persistence.EntityManager em, CallerProfile caller, long caseId) {
        jakarta.persistence.TypedQuery<cl.redlocal.portal.cases.entity.CaseFile> q = em.createQuery(
                "SELECT c FROM CaseFile c JOIN FETCH c.child WHERE c.id = :id AND " + entitled(caller),
                cl.redlocal.portal.cases.entity.CaseFile.class).setParameter("id", caseId);
        bind(q, caller);
        return q.getResultList().stream().findFirst();
    }

    /** Adds the same rule to a native WHERE over the case_file alias {@code alias}. */
    public static SqlWhere sql(SqlWhere where, CallerProfile caller, String alias) {
        entitledSql(where, caller, alias);
        return where.and(Withheld.sql(alias + ".child_id"));
    }

    /** {@link #entitled} as native SQL over the case_file alias {@code alias}. */
    public static SqlWhere entitledSql(SqlWhere where, CallerProfile caller, String alias) {
        switch (caller.role()) {
            case COFACILITADOR -> where.and(alias + ".comuna_id = ?", caller.comunaId());
            case PROFESIONAL -> where.and(alias + ".comuna_id = ?", caller.comunaId())
                    .and("(EXISTS (SELECT 1 FROM case_involvement ai WHERE ai.case_id = " + alias + ".id"
                            + " AND ai.program_id = ?) OR EXISTS (SELECT 1 FROM access_request aa WHERE aa.case_id = "
                            + alias + ".id AND aa.program_id = ?) OR EXISTS (SELECT 1 FROM referral ar WHERE ar.case_id = "
                            + alias + ".id AND (ar.to_program_id = ? OR ar.from_program_id = ?)))",
                            caller.programId(), caller.programId(), caller.programId(), caller.programId());
            default -> where.and("1 = 0");
        }
        return where;
    }
}
