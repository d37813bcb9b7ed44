package cl.redlocal.portal.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Sees every error page dispatch: audits refused pages and refused service calls of full-page requests. */
@WebFilter(urlPatterns = "/error/*", dispatcherTypes = DispatcherType.ERROR)
public class ErrorDispatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    DeniedAccessAuditor auditor;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (failure != null) {
            if (auditor.serviceDenied(failure, uri)) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
        } else if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)) {
            auditor.pageDenied(uri);
        }
        chain.doFilter(request, response);
    }
}
