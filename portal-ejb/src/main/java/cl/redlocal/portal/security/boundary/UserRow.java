package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.security.entity.Role;

import java.io.Serializable;
import java.time.Instant;

/** A user as the administration table lists it. */
public record UserRow(long id, String username, String fullName, String email, Role role, String comunaName,
                      String programAcronym, boolean enabled, Instant lastLoginAt, int version) implements Serializable {
}
