package cl.redlocal.portal.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The language of the pages: the one the person chose (kept in a cookie, so it outlives sign-out),
 * else the browser's if we speak it (Spanish of Chile or English), else Spanish. Read per request from
 * the cookie: nothing in the session, so the anonymous pages create none.
 */
@Named
@RequestScoped
public class LocaleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Locale SPANISH = Locale.forLanguageTag("es-CL");
    private static final String COOKIE = "portal_lang";

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            Object chosen = external.getRequestCookieMap().get(COOKIE);
            String language = chosen instanceof jakarta.servlet.http.Cookie c ? c.getValue()
                    : external.getRequestLocale() == null ? "es" : external.getRequestLocale().getLanguage();
            locale = "en".equals(language) ? Locale.ENGLISH : SPANISH;
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
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        external.addResponseCookie(COOKIE, locale.getLanguage(), Map.of(
                "maxAge", 365 * 24 * 3600, "path", external.getRequestContextPath() + "/", "httpOnly", true,
                "secure", request.isSecure(), "SameSite", "Lax"));
        String query = request.getQueryString();
        external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
