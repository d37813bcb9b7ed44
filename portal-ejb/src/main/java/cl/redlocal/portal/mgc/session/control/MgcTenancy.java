package cl.redlocal.portal.mgc.session.control;

import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.control.Tenancy;
import cl.redlocal.portal.security.entity.Role;

import java.util.Set;

/**
 * Which comunas' tables a caller reads and which they edit: a territorial manager reads the comunas they
 * support; everyone else their own comuna; only a co-facilitator edits, and only their own comuna's.
 */
public final class MgcTenancy {

    private MgcTenancy() {
    }

    public static Set<Long> readable(CallerProfile me) {
        return Tenancy.comunas(me);
    }

    public static boolean reads(CallerProfile me, long comunaId) {
        return me.role() != Role.ADMIN && Tenancy.reads(me, comunaId);
    }

    public static boolean edits(CallerProfile me, long comunaId) {
        return me.role() == Role.COFACILITADOR && me.comunaId() == comunaId;
    }

    /** The comunas as a PostgreSQL array literal, for {@code = ANY (CAST(? AS BIGINT[]))}. */
    public static String array(Set<Long> comunas) {
        return Tenancy.array(comunas);
    }
}
