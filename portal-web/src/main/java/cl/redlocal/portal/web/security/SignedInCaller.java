package cl.redlocal.portal.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in to a session: the username and the groups (the role) the identity store gave at
 * sign-in. Small and serializable, so it travels with the session to another cluster member. The
 * account's standing is still checked against the database on every request ({@link SessionStandingFilter}).
 */
public record SignedInCaller(String name, Set<String> groups) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SignedInCaller {
        groups = Set.copyOf(groups);
    }

    static SignedInCaller of(String name, Set<String> groups) {
        return new SignedInCaller(name, groups);
    }
}
