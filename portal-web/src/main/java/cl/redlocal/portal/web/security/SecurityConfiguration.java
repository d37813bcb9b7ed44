package cl.redlocal.portal.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in through our own Faces page: an unauthenticated request to a protected page is sent to
 * the sign-in page and, once signed in, back to where it was going.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"COORDINADOR", "COFACILITADOR", "PROFESIONAL", "GESTOR_TERRITORIAL", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {
}
