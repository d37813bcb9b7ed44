package cl.redlocal.portal.security.control;

import cl.redlocal.portal.security.entity.Role;

import java.util.Collection;
import java.util.Set;

/**
 * Which comunas' records a caller may read: their own comuna; a territorial manager, the comunas they
 * support (their own included). The one rule every feature's tenancy check and query uses; need-to-know
 * on cases comes on top of it ({@code CaseAccess}).
 */
public final class Tenancy {

    private Tenancy() {
    }

    public static Set<Long> comunas(CallerProfile me) {
        if (me.role() == Role.GESTOR_TERRITORIAL) {
            return me.comunaIds() == null ? Set.of() : Set.copyOf(me.comunaIds());
        }
        return Set.of(me.comunaId());
    }

    public static boolean reads(CallerProfile me, long comunaId) {
        return comunas(me).contains(comunaId);
    }

    /** The comunas as a PostgreSQL array literal, for {@code comuna_id = ANY (CAST(? AS BIGINT[]))}. */
    public static String array(Collection<Long> comunas) {
        return "{" + String.join(",", comunas.stream().sorted().map(String::valueOf).toList()) + "}";
    }

    /** The caller's comunas as a PostgreSQL array literal. */
    public static String array(CallerProfile me) {
        return array(comunas(me));
    }
}
