package cl.redlocal.portal.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers every response carries. Two callers: {@link SecurityHeadersFilter} for whatever passes the
 * filter chain, and the sign-in mechanism for what the container answers before any filter runs (its
 * redirect to the sign-in page and back). Pages (.xhtml) get their Content-Security-Policy from
 * PrimeFaces, which adds the per-request script nonce (policy in web.xml); everything else a strict one.
 * Pages are never cached: a shared computer's back button must not show a child's case after sign-out.
 */
@ApplicationScoped
public class SecurityHeaders {

    @Inject
    @ConfigProperty(name = "portal.security.https", defaultValue = "false")
    boolean https;

    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure() || https) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean resource = path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
        if (!resource) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (!path.endsWith(".xhtml") && !path.equals("/")) {
            response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        }
    }
}
