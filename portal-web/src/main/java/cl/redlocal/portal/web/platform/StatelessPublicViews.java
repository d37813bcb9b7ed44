package cl.redlocal.portal.web.platform;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

import java.util.Set;

/**
 * The pages an anonymous visitor reaches (sign-in, error pages, the public RSVP page) are stateless views:
 * nothing of them is kept on the server, so requests without a cookie create no session and cannot fill
 * the heap. Marked here, when the view is created, because PrimeFaces' CSP support asks for the view map
 * before the page's own {@code f:view} is read, and a view map of a stateful view lives in the session.
 */
public class StatelessPublicViews extends ViewHandlerWrapper {

    private static final Set<String> PUBLIC = Set.of("/login.xhtml", "/mgc-rsvp.xhtml");

    public StatelessPublicViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && isPublic(viewId)) {
            root.setTransient(true);
        }
        return root;
    }

    static boolean isPublic(String viewId) {
        return viewId != null && (PUBLIC.contains(viewId) || viewId.startsWith("/error/"));
    }
}
