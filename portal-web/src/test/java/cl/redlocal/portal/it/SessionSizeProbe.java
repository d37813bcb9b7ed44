package cl.redlocal.portal.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;

/**
 * Test deployments only: how many bytes the caller's own session takes when serialized, attribute by
 * attribute, about what the data grid stores (and copies to a backup) for each session of a cluster.
 * {@code SessionSizeIT} and {@code CapacityIT} read it; docs/scaling.md sizes heap and data grid from its numbers.
 */
@WebServlet("/test/session-size")
public class SessionSizeProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        if (session == null) {
            response.getWriter().println("total 0");
            return;
        }
        long total = 0;
        StringBuilder lines = new StringBuilder();
        for (String name : Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            try {
                int size = serializedSize(value);
                total += size;
                lines.append(name).append(' ').append(size).append('\n');
            } catch (IOException | RuntimeException e) {
                lines.append(name).append(" NOT SERIALIZABLE ").append(value == null ? null : value.getClass().getName())
                        .append(": ").append(e).append('\n');
            }
        }
        response.getWriter().print("total " + total + "\n" + lines);
    }

    private static int serializedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new PayaraLikeStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }

    /**
     * Payara writes a session with its own stream, which replaces a reference to a session bean (the
     * container's generated no-interface view, injected into view-scoped beans) by a small serializable
     * handle; a plain ObjectOutputStream refuses those. This writes the bean's class name in its place, about
     * the size of that handle, and refuses everything else that is not Serializable, as Payara would.
     */
    private static final class PayaraLikeStream extends ObjectOutputStream {
        PayaraLikeStream(ByteArrayOutputStream bytes) throws IOException {
            super(bytes);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            if (!(object instanceof java.io.Serializable) && object.getClass().getName().contains("__EJB31_Generated__")) {
                return "ejb-ref:" + object.getClass().getName();
            }
            return object;
        }
    }
}
