package cl.redlocal.portal.it;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * In-container tests: sign in as a user for the rest of the test method, through the portal's own
 * identity store. One identity per test method: the container keeps the first for the whole request.
 */
public final class TestSession {

    public static final String DEMO_PASSWORD = "RedLocal#2026";

    private TestSession() {
    }

    public static void signIn(String username) {
        signIn(username, DEMO_PASSWORD);
    }

    public static void signIn(String username, String password) {
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        AuthenticationStatus status = security.authenticate(TestRequestFilter.REQUEST.get(),
                TestRequestFilter.RESPONSE.get(), withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + status);
        }
    }
}
