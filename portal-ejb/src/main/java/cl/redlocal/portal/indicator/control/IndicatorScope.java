package cl.redlocal.portal.indicator.control;

import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * "Which comunas may this caller read in aggregate", in one place. The comuna's own roles (coordinator,
 * co-facilitator, program professional) read their comuna, unsuppressed. A territorial manager reads, with
 * small cells suppressed, the comunas their {@code app_user.aggregate_scope} gives: those they support
 * (COMUNAS), every comuna of their comuna's region (REGION) or of the country (PAIS). The administrator
 * reads none.
 */
public final class IndicatorScope {

    private static final String UNITS = """
            SELECT c.id, c.code, c.name, r.code, r.name, r.country_code
            FROM comuna c JOIN region r ON r.name = c.region
            """;

    private IndicatorScope() {
    }

    public static boolean local(CallerProfile caller) {
        return caller.role() == Role.COORDINADOR || caller.role() == Role.COFACILITADOR
                || caller.role() == Role.PROFESIONAL;
    }

    /** Whether the comuna's figures reach this caller unsuppressed (they work in it). */
    public static boolean inside(CallerProfile caller, long comunaId) {
        return local(caller) && caller.comunaId() == comunaId;
    }

    public static List<OrgUnit> comunas(EntityManager em, CallerProfile caller) {
        String sql;
        if (local(caller)) {
            sql = UNITS + " WHERE c.id = ?1 ORDER BY c.name";
            return map(em.createNativeQuery(sql).setParameter(1, caller.comunaId()).getResultList());
        }
        if (caller.role() != Role.GESTOR_TERRITORIAL) {
            return List.of();
        }
        sql = UNITS + """
                , app_user u JOIN comuna uc ON uc.id = u.comuna_id
                WHERE u.id = ?1 AND (u.aggregate_scope = 'PAIS'
                   OR (u.aggregate_scope = 'REGION' AND c.region = uc.region)
                   OR (u.aggregate_scope = 'COMUNAS' AND (c.id = u.comuna_id
                       OR c.id IN (SELECT uco.comuna_id FROM user_comuna uco WHERE uco.user_id = u.id))))
                ORDER BY r.name, c.name""";
        return map(em.createNativeQuery(sql).setParameter(1, caller.userId()).getResultList());
    }

    /** The caller's aggregate scope word (COMUNAS, REGION, PAIS), or COMUNA for the comuna's own roles. */
    public static String scopeOf(EntityManager em, CallerProfile caller) {
        if (caller.role() != Role.GESTOR_TERRITORIAL) {
            return "COMUNA";
        }
        return (String) em.createNativeQuery("SELECT aggregate_scope FROM app_user WHERE id = ?1")
                .setParameter(1, caller.userId()).getSingleResult();
    }

    public static List<OrgUnit> all(EntityManager em) {
        return map(em.createNativeQuery(UNITS + " ORDER BY r.name, c.name").getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<OrgUnit> map(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(r -> new OrgUnit(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5])).toList();
    }
}
