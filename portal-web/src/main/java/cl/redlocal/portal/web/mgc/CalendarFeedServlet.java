package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.CalendarService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * /calendar/feed/{token}.ics: a personal calendar feed for a calendar application, which cannot sign in:
 * the secret token is the key. An unknown or revoked token is a plain 404.
 */
@WebServlet("/calendar/feed/*")
public class CalendarFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CalendarService calendars;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String token = path == null ? null : path.replaceFirst("^/", "").replaceFirst("\\.ics$", "");
        Optional<byte[]> ics = calendars.feed(token);
        if (ics.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "private, max-age=900");
        send(response, ics.get(), "mesa-de-gestion-de-casos.ics", false);
    }

    static void send(HttpServletResponse response, byte[] ics, String fileName, boolean download) throws IOException {
        response.setContentType("text/calendar;charset=UTF-8");
        response.setHeader("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + fileName + "\"");
        response.setContentLength(ics.length);
        response.getOutputStream().write(ics);
    }
}
