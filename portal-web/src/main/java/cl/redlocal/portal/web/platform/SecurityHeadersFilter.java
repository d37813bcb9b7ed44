package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.security.control.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers every response carries. Pages (.xhtml) get their Content-Security-Policy from PrimeFaces,
 * which adds the per-request script nonce (policy in web.xml); everything else gets a strict one here.
 * Pages are never cached: a shared computer's back button must not show a child's case after sign-out.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestOrigin origin;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "portal.security.https", defaultValue = "false")
    boolean https;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setClientIp(request.getRemoteAddr());
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
        chain.doFilter(request, response);
    }
}
