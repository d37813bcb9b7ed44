package cl.redlocal.portal.it;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test deployments only: keeps the request and response of the Arquillian runner's call, so an
 * in-container test can sign in through the real Jakarta Security mechanism and identity store.
 */
@WebFilter(urlPatterns = {"/ArquillianServletRunner", "/ArquillianServletRunnerEE9"})
public class TestRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();
    static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        REQUEST.set(request);
        RESPONSE.set(response);
        try {
            chain.doFilter(request, response);
        } finally {
            REQUEST.remove();
            RESPONSE.remove();
        }
    }
}
