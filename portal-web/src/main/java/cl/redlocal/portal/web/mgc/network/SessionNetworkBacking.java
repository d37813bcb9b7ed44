package cl.redlocal.portal.web.mgc.network;

import cl.redlocal.portal.mgc.network.boundary.ProtocolService;
import cl.redlocal.portal.mgc.network.boundary.SessionProtocols;
import cl.redlocal.portal.mgc.network.boundary.TrainingForm;
import cl.redlocal.portal.mgc.network.boundary.TrainingRow;
import cl.redlocal.portal.mgc.network.boundary.TrainingService;
import cl.redlocal.portal.mgc.network.entity.TrainingKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The network's part of a session's minutes (the include network/session-network.xhtml on /mgc/minutes.xhtml,
 * kept apart from the minutes' own bean): the protocols the session approved, the trainings given in it and,
 * for co-facilitators once the session has begun, the form that records one (in a topic item when chosen).
 */
@Named
@ViewScoped
public class SessionNetworkBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProtocolService protocols;

    @Inject
    TrainingService trainings;

    @Inject
    PortalClock clock;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    private Long sessionId;
    private SessionProtocols sessionProtocols = new SessionProtocols(List.of(), List.of());
    private List<TrainingRow> sessionTrainings = List.of();

    private Long agendaItemId;
    private String subject;
    private TrainingKind kind = TrainingKind.SELF;
    private String givenBy;
    private Integer attendees;
    private String attendeeNames;

    /** Called from the minutes' f:viewAction through the include (the session of the page). */
    public void load(Long session) {
        sessionId = session;
        if (session == null || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        sessionProtocols = protocols.ofSession(session);
        sessionTrainings = trainings.ofSession(session);
    }

    /** Whether the session has begun (the day and start as the minutes show them, in the portal's zone). */
    public boolean begun(LocalDate day, LocalTime startsAt) {
        return day != null && startsAt != null && !day.atTime(startsAt).atZone(clock.zone()).toInstant()
                .isAfter(java.time.Instant.now());
    }

    public String record() {
        TrainingForm form = new TrainingForm(sessionId, agendaItemId, subject, kind, givenBy, attendees, attendeeNames);
        if (!validation.check(form, "trainingForm", Map.of())) {
            return null;
        }
        try {
            trainings.record(form);
        } catch (BusinessException e) {
            messages.error(e, java.util.Map.of("net.training.item.notTopic", "trainingForm:agendaItemId",
                    "net.training.session.notHeld", "trainingForm:save"));
            return null;
        }
        messages.info("net.training.recorded");
        return "/mgc/minutes?faces-redirect=true&session=" + sessionId;
    }

    public TrainingKind[] getKinds() { return TrainingKind.values(); }
    public SessionProtocols getSessionProtocols() { return sessionProtocols; }
    public List<TrainingRow> getSessionTrainings() { return sessionTrainings; }
    public Long getAgendaItemId() { return agendaItemId; }
    public void setAgendaItemId(Long agendaItemId) { this.agendaItemId = agendaItemId; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public TrainingKind getKind() { return kind; }
    public void setKind(TrainingKind kind) { this.kind = kind; }
    public String getGivenBy() { return givenBy; }
    public void setGivenBy(String givenBy) { this.givenBy = givenBy; }
    public Integer getAttendees() { return attendees; }
    public void setAttendees(Integer attendees) { this.attendees = attendees; }
    public String getAttendeeNames() { return attendeeNames; }
    public void setAttendeeNames(String attendeeNames) { this.attendeeNames = attendeeNames; }
}
