package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.security.entity.Role;

import java.io.Serializable;
import java.util.Set;

/** A user as the edit form loads it. */
public record UserDetails(long id, int version, String username, String fullName, String email, Role role,
                          Long programId, Set<Long> supportedComunaIds, boolean enabled) implements Serializable {
}
