package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.CalendarService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/** /mgc/session.ics?id=: one session of the table as a calendar file (signed in, like every /mgc page). */
@WebServlet("/mgc/session.ics")
public class SessionIcsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CalendarService calendars;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<byte[]> ics = calendars.sessionIcs(id);
        if (ics.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CalendarFeedServlet.send(response, ics.get(), "sesion-mgc-" + id + ".ics", true);
    }
}
