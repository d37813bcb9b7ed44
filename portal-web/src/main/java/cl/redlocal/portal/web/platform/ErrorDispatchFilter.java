package cl.redlocal.portal.web.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.primefaces.csp.CspException;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Sees every error page dispatch: audits refused pages and refused service calls of full-page requests,
 * and lets the error page render as a fresh page.
 */
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
            if (auditor.serviceDenied(request.getUserPrincipal(), failure, uri)) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            } else if (isStalePostback(failure)) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        } else if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)) {
            auditor.pageDenied(request.getUserPrincipal(), uri);
        }
        chain.doFilter(new FreshRequest(request), response);
    }

    /**
     * A postback that belongs to no view of this session: its view state expired or was never ours, or it
     * lacks the CSP nonce of the view it claims. 400 rather than 410 (the page's address is not gone: a GET
     * of it works) or 500 (nothing failed on the server); the same status whichever the cause, so the answer
     * does not tell a forger whether a view state exists.
     */
    private static boolean isStalePostback(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException || t instanceof CspException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error page renders as a fresh GET: the failed request's form fields (its view state and
     * PrimeFaces' CSP nonce among them) belong to another view and must not be restored into this one.
     * It is a whole page even when the failed request was ajax (a refusal before Faces, such as an upload over
     * the size limit): an empty partial response would say nothing to anybody.
     */
    private static final class FreshRequest extends HttpServletRequestWrapper {

        FreshRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Faces-Request".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
