package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.SessionRow;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The notice that a past session still needs closing (home, agenda, calendar): shown to the co-facilitators
 * only, read once per request and only where a page includes it.
 */
@Named("unclosedSessions")
@RequestScoped
public class UnclosedSessionsBacking {

    @Inject
    SessionService sessions;

    @Inject
    ExternalContext external;

    private List<SessionRow> rows;

    public List<SessionRow> getRows() {
        if (rows == null) {
            rows = external.isUserInRole("COFACILITADOR") ? sessions.needingClosing() : List.of();
        }
        return rows;
    }
}
