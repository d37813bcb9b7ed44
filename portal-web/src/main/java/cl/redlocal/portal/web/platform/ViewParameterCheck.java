package cl.redlocal.portal.web.platform;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * A page's query parameters are a link, not a form: a link that does not convert (an id of letters,
 * a number beyond Long, "1e5"), a numeric parameter below 1 (every one is an id, a version or a
 * number that starts at 1), or a parameter sent empty was not made by the portal. Such a GET is answered
 * with 400 and the Spanish "bad request" page before any f:viewAction runs, instead of a page that
 * renders half-prepared (and failed with 500 on links built from the missing value).
 */
public class ViewParameterCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.PROCESS_VALIDATIONS;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (context.isPostback() || view == null || context.getResponseComplete()) {
            return;
        }
        Map<String, String> query = context.getExternalContext().getRequestParameterMap();
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(view)) {
            String sent = query.get(parameter.getName());
            Object value = parameter.getValue();
            boolean bad = !parameter.isValid()
                    || sent != null && sent.isBlank()
                    || value instanceof Number n && n.longValue() < 1;
            if (bad) {
                refuse(context);
                return;
            }
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before validation: the parameters are converted then
    }

    /** Answers 400 through the container, so that the error page of web.xml renders it. */
    static void refuse(FacesContext context) {
        try {
            context.getExternalContext().responseSendError(HttpServletResponse.SC_BAD_REQUEST, null);
        } catch (IOException e) {
            throw new FacesException(e);
        }
        context.responseComplete();
    }
}
