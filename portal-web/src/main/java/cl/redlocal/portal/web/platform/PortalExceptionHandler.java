package cl.redlocal.portal.web.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.exceptionhandler.FullAjaxExceptionHandler;

import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Ajax requests that fail show the same error pages as full requests (OmniFaces), and a refused
 * service call made through ajax is audited like any other denial. A request the portal could not
 * read is the caller's fault, not the portal's: a value that fails to convert while the request is
 * being read (restore, decode, validation) answers 400 with the Spanish page, not 500.
 */
public class PortalExceptionHandler extends FullAjaxExceptionHandler {

    /** The phases in which the request itself is read; a conversion failure later is a bug (500). */
    private static final Set<PhaseId> READING = Set.of(PhaseId.RESTORE_VIEW, PhaseId.APPLY_REQUEST_VALUES,
            PhaseId.PROCESS_VALIDATIONS, PhaseId.UPDATE_MODEL_VALUES);

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && !context.getPartialViewContext().isAjaxRequest()) {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                 events.hasNext(); ) {
                ExceptionQueuedEventContext queued = events.next().getContext();
                if (!context.getResponseComplete() && READING.contains(queued.getPhaseId())
                        && isUnreadableInput(queued.getException())) {
                    events.remove();
                    ViewParameterCheck.refuse(context);
                }
            }
        }
        super.handle();
    }

    /** A value of the request that is not what any of the portal's pages sends. */
    static boolean isUnreadableInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConverterException || t instanceof NumberFormatException
                    || t instanceof DateTimeParseException) {
                return true;
            }
        }
        return false;
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
