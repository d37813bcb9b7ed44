package cl.redlocal.portal.web.security;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Signing out: a POST from the menu (so no other site can sign anybody out), audited, session gone. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    FacesContext faces;

    @Inject
    AuditLog audit;

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        audit.record(AuditAction.SIGN_OUT, "USER", null, AuditOutcome.SUCCESS, null);
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?bye=true");
    }
}
