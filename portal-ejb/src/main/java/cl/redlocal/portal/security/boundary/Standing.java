package cl.redlocal.portal.security.boundary;

import cl.redlocal.portal.security.entity.Role;

import java.io.Serializable;

/** What a signed-in person may still do: their account is enabled and has this role now. */
public record Standing(Role role, boolean enabled) implements Serializable {
}
