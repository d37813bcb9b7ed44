package cl.redlocal.portal.web.security;

import cl.redlocal.portal.security.boundary.SignInResult;
import cl.redlocal.portal.security.boundary.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks credentials against the users in the database (through the sign-in service, which hashes,
 * throttles and audits). On success the session id is renewed, so a session id planted before sign-in
 * is worthless after it.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    /** The request attribute through which the sign-in page learns why an attempt failed. */
    public static final String RESULT_ATTRIBUTE = "portal.signInResult";

    @Inject
    SignInService signIn;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInResult result = signIn.signIn(up.getCaller(), up.getPassword().getValue());
        request.setAttribute(RESULT_ATTRIBUTE, result);
        if (result instanceof SignInResult.Accepted accepted) {
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            if (accepted.mustChangePassword()) {
                request.getSession().setAttribute(PasswordChangeFilter.REQUIRED, Boolean.TRUE);
            }
            return new CredentialValidationResult(accepted.username(), accepted.groups());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
