package cl.redlocal.portal.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Somebody signed in with a password an administrator chose sees only the password page until they
 * choose their own, whatever address they open (pages, exports, anything). Resources and the error pages
 * stay reachable.
 */
@WebFilter(urlPatterns = "/*")
public class PasswordChangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Session attribute set at sign-in, removed when the person has chosen their own password. */
    public static final String REQUIRED = "portal.passwordChangeRequired";
    private static final String PAGE = "/account/password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session != null && session.getAttribute(REQUIRED) != null && !path.equals(PAGE)
                && !path.equals("/login.xhtml") && !path.startsWith("/error/") && !PublicPaths.isResource(request)) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
