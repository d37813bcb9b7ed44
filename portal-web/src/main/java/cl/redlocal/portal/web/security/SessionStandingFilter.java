package cl.redlocal.portal.web.security;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.security.boundary.SignInService;
import cl.redlocal.portal.security.boundary.Standing;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * A session is only as good as the account behind it: when an administrator disables a person or
 * changes their role, that person's open sessions end at their next request (on every node), instead
 * of keeping the roles they signed in with.
 */
@WebFilter(urlPatterns = "/*")
public class SessionStandingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    SignInService signIn;

    @Inject
    AuditLog audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal != null && !PublicPaths.isResource(request)) {
            Optional<Standing> standing = signIn.standing(principal.getName());
            boolean valid = standing.filter(Standing::enabled)
                    .filter(s -> request.isUserInRole(s.role().name())).isPresent();
            if (!valid) {
                audit.deniedTo(principal.getName(), "SESSION", "sesión terminada: cuenta deshabilitada o rol cambiado");
                request.logout();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login.xhtml?error=ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
