package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.SessionRow;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import cl.redlocal.portal.platform.PortalClock;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleModel;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * /mgc/calendar.xhtml: the sessions of the comuna's tables in a PrimeFaces schedule. The model is lazy:
 * each visible range (month, week) asks the service for that range only; a click opens the session.
 */
@Named
@ViewScoped
public class SessionCalendarBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    PortalClock clock;

    @Inject
    cl.redlocal.portal.web.platform.Messages messages;

    /** LazyScheduleModel is Serializable (ScheduleModel is not): the view travels with a replicated session. */
    private LazyScheduleModel model;

    @PostConstruct
    void init() {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        model = new LazyScheduleModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public void loadEvents(LocalDateTime start, LocalDateTime end) {
                java.time.Instant now = java.time.Instant.now();
                for (SessionRow s : sessions.calendar(start.atZone(clock.zone()).toInstant(),
                        end.atZone(clock.zone()).toInstant())) {
                    // over but nobody closed it: marked, so the co-facilitators close it
                    boolean unclosed = s.endsAt().isBefore(now) && ("PLANNED".equals(s.state()) || "CONVENED".equals(s.state()));
                    addEvent(DefaultScheduleEvent.builder()
                            .id(String.valueOf(s.id()))
                            .title((unclosed ? messages.text("mgc.unclosed.marker") + " · " : "") + s.tableName()
                                    + (s.place() == null ? "" : " · " + s.place()))
                            .startDate(LocalDateTime.ofInstant(s.startsAt(), clock.zone()))
                            .endDate(LocalDateTime.ofInstant(s.endsAt(), clock.zone()))
                            .url(context + "/mgc/session.xhtml?id=" + s.id())
                            .styleClass("mgc-" + s.state().toLowerCase() + (unclosed ? " mgc-unclosed" : ""))
                            .description(s.state())
                            .build());
                }
            }
        };
    }

    public ScheduleModel getModel() {
        return model;
    }

    public String getZone() {
        return clock.zone().getId();
    }
}
