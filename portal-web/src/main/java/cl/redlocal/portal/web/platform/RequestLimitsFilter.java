package cl.redlocal.portal.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * What no page of the portal sends is refused before a page sees it, with the Spanish error pages:
 * <ul>
 * <li>a NUL character in any parameter (400): PostgreSQL refuses it in text, so it would surface as a 500
 * from the first query that used it;</li>
 * <li>an upload above the Faces servlet's multipart limit (413). Faces would first meet it while
 * restoring the view, where the request cannot be read at all, not even the CSP nonce that the
 * error page then needs. Parsing here, before Faces, turns it into a size answer. The form's own
 * limit (p:validateFile) stays the one a person normally meets, with the page's message.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "*.xhtml", dispatcherTypes = DispatcherType.REQUEST)
public class RequestLimitsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            try {
                request.getParts();
            } catch (IllegalStateException | ServletException | IOException e) {
                // the container stopped reading at its limit; the rest of the body is not drained
                response.setHeader("Connection", "close");
                response.sendError(tooLarge(e) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                        : HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        if (hasNul(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(HttpServletRequest request) {
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The multipart parser's size refusals (request or file): any other parse failure is a bad request. */
    private static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
                    || message.contains("exceeds the configured maximum")) {
                return true;
            }
        }
        return false;
    }
}
