package cl.redlocal.portal.web.platform;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditBatch;
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
 * A Faces page's successful reads are audited with one INSERT once the page is rendered, not one per
 * section or list (see {@link AuditBatch}); the client gets the end of the response only after it.
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.REQUEST)
public class AuditBatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditBatch batch;

    @Inject
    AuditLog audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        batch.open();
        try {
            chain.doFilter(request, response);
        } finally {
            audit.write(batch.drain());
        }
    }
}
