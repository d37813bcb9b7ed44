package cl.redlocal.portal.web.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

/**
 * Ajax requests that fail show the same error pages as full requests (OmniFaces), and a refused
 * service call made through ajax is audited like any other denial.
 */
public class PortalExceptionHandler extends FullAjaxExceptionHandler {

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    protected void logException(FacesContext context, Throwable exception, String location, LogReason reason) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        if (!CDI.current().select(DeniedAccessAuditor.class).get()
                .serviceDenied(request.getUserPrincipal(), exception, request.getRequestURI())) {
            super.logException(context, exception, location, reason);
        }
    }
}
