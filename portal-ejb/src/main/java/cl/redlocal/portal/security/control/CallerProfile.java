package cl.redlocal.portal.security.control;

import cl.redlocal.portal.security.entity.Role;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling, as every record-level check needs it: role, comuna (the tenant), program, and
 * for a territorial manager the comunas they support (their own included).
 */
public record CallerProfile(long userId, String username, String fullName, Role role, long comunaId,
                            String comunaName, Long programId, String programAcronym, Set<Long> comunaIds,
                            boolean mustChangePassword, String comunaCode) implements Serializable {

    public boolean worksIn(long comuna) {
        return comunaIds.contains(comuna);
    }
}
