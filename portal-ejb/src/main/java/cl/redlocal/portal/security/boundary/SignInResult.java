package cl.redlocal.portal.security.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/** What a sign-in attempt came to. */
public sealed interface SignInResult extends Serializable {

    /** @param mustChangePassword an administrator set the password: the person must choose their own first */
    record Accepted(String username, Set<String> groups, boolean mustChangePassword) implements SignInResult {
    }

    /** Wrong name or password, or a disabled account: the page says the same for all three. */
    record Rejected() implements SignInResult {
    }

    record Locked(Instant until) implements SignInResult {
    }
}
