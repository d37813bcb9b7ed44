package cl.redlocal.portal.web.platform;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/**
 * The language of the pages: the browser's if it is one we speak (Spanish of Chile or English),
 * otherwise Spanish; the switch in the header changes it for the rest of the session.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Locale SPANISH = Locale.forLanguageTag("es-CL");

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : SPANISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public boolean isSpanish() {
        return "es".equals(getLanguage());
    }

    /** Switches between Spanish and English and reloads the same page (GET, so nothing is re-submitted). */
    public void toggle() throws IOException {
        locale = isSpanish() ? Locale.ENGLISH : SPANISH;
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(locale);
        var external = faces.getExternalContext();
        String uri = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getRequestURI();
        String query = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString();
        external.redirect(uri + (query == null ? "" : "?" + query));
    }
}
