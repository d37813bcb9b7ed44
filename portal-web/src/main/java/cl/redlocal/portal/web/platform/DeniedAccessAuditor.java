package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.audit.boundary.AuditLog;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Role checks said no (a page outside the role, or a service method the container refused): the
 * denial is recorded where it surfaces, with the page that was asked for. Record-level denials are
 * recorded by the services themselves.
 */
@ApplicationScoped
public class DeniedAccessAuditor {

    @Inject
    AuditLog audit;

    public void pageDenied(String uri) {
        audit.denied("PAGE", null, uri);
    }

    /** Records the denial when the failure is one; tells whether it was. */
    public boolean serviceDenied(Throwable failure, String uri) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                audit.denied("SERVICE", null, uri);
                return true;
            }
        }
        return false;
    }
}
