package cl.redlocal.portal.mgc.minutes.control;

import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.control.Tenancy;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tenancy and need-to-know for the minutes and agreements: the comunas whose table a caller reads (their
 * own; a territorial manager, those they support), and which of a set of cases the caller may see in
 * detail (co-facilitators every case of their comuna, a professional those involving their program,
 * nobody else).
 */
public final class MgcScope {

    private MgcScope() {
    }

    public static Set<Long> comunas(CallerProfile me) {
        return Tenancy.comunas(me);
    }

    /** A PostgreSQL array literal of the caller's comunas, for {@code comuna_id = ANY (CAST(? AS BIGINT[]))}. */
    public static String comunaArray(CallerProfile me) {
        return Tenancy.array(me);
    }

    public static boolean reads(CallerProfile me, long comunaId) {
        return Tenancy.reads(me, comunaId);
    }

    /** Of {@code caseIds}, those the caller may see in detail. */
    public static Set<Long> visibleCases(EntityManager em, CallerProfile me, Collection<Long> caseIds) {
        if (caseIds.isEmpty() || !CaseAccess.readsCases(me)) {
            return Set.of();
        }
        SqlWhere where = new SqlWhere().and("cf.id = ANY (CAST(? AS BIGINT[]))",
                "{" + String.join(",", caseIds.stream().map(String::valueOf).toList()) + "}");
        CaseAccess.sql(where, me, "cf");
        @SuppressWarnings("unchecked")
        List<Object> ids = where.bind(em.createNativeQuery("SELECT cf.id FROM case_file cf" + where.sql())).getResultList();
        Set<Long> visible = new HashSet<>();
        ids.forEach(id -> visible.add(((Number) id).longValue()));
        return visible;
    }
}
