package cl.redlocal.portal.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form sign-in through our own Faces page: an unauthenticated request to a protected page is sent to
 * the sign-in page and, once signed in, back to where it was going. This is what
 * {@code @CustomFormAuthenticationMechanismDefinition} builds, written out as the portal's own bean
 * so that {@link SecuredResponse} can put the security headers on the redirects it answers before any
 * filter runs (the built-in bean cannot be intercepted).
 */
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false)
@SecuredResponse
@DeclareRoles({"COORDINADOR", "COFACILITADOR", "PROFESIONAL", "GESTOR_TERRITORIAL", "ADMIN"})
@ApplicationScoped
public class FormSignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    /** The sign-in page calls SecurityContext.authenticate with the credential; other requests pass. */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(identityStores.validate(credential));
    }
}
