package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.audit.boundary.AuditLog;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.Principal;

/**
 * Role checks said no (a page outside the role, or a service method the container refused): the
 * denial is recorded where it surfaces, with the page that was asked for. Record-level denials are
 * recorded by the services themselves.
 */
@ApplicationScoped
public class DeniedAccessAuditor {

    @Inject
    AuditLog audit;

    public void pageDenied(Principal who, String uri) {
        record(who, "PAGE", uri);
    }

    /** Records the denial when the failure is one; tells whether it was. */
    public boolean serviceDenied(Principal who, Throwable failure, String uri) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                record(who, "SERVICE", uri);
                return true;
            }
        }
        return false;
    }

    private void record(Principal who, String entityType, String uri) {
        if (who == null) {
            audit.denied(entityType, null, uri);
        } else {
            audit.deniedTo(who.getName(), entityType, uri);
        }
    }
}
