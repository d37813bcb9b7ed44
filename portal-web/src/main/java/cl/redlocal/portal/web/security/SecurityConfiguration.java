package cl.redlocal.portal.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's roles. Signing in is {@link PortalAuthenticationMechanism} (the portal's own form
 * mechanism) with {@link PortalIdentityStore}.
 */
@DeclareRoles({"COORDINADOR", "COFACILITADOR", "PROFESIONAL", "GESTOR_TERRITORIAL", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {
}
