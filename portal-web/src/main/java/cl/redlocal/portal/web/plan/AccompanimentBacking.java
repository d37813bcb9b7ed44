package cl.redlocal.portal.web.plan;

import cl.redlocal.portal.accompaniment.boundary.AccompanimentService;
import cl.redlocal.portal.accompaniment.boundary.FamilyAccompaniment;
import cl.redlocal.portal.accompaniment.boundary.EndForm;
import cl.redlocal.portal.accompaniment.boundary.SessionForm;
import cl.redlocal.portal.accompaniment.boundary.StartForm;
import cl.redlocal.portal.accompaniment.entity.SessionKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A family's accompaniment: start it, write the family plan, log sessions; reached by family or by case. */
@Named
@ViewScoped
public class AccompanimentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccompanimentService accompaniments;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    private Long familyId;
    private Long caseId;
    private boolean noFamily;
    private FamilyAccompaniment data;

    private Long responsibleUserId;
    private LocalDate startedOn;
    private String goals;
    private String agreedActions;
    private String familyGoals;

    private LocalDate heldOn;
    private SessionKind kind;
    private String attendees;
    private String notes;
    private String nextStep;

    private LocalDate endedOn;
    private String endReason;

    public void load() {
        if (familyId == null && caseId != null) {
            familyId = accompaniments.familyOfCase(caseId).orElse(null);
            noFamily = familyId == null;
        }
        data = familyId == null ? null : accompaniments.find(familyId).orElse(null);
        if (data != null && data.current() != null && responsibleUserId == null) {
            FamilyAccompaniment.Current c = data.current();
            responsibleUserId = c.responsibleUserId();
            startedOn = c.startedOn();
            goals = c.goals();
            agreedActions = c.agreedActions();
            familyGoals = c.familyGoals();
        }
    }

    public String savePlan() {
        StartForm form = new StartForm(responsibleUserId, startedOn, goals, agreedActions, familyGoals);
        if (!validation.check(form, "planForm", Map.of())) {
            return null;
        }
        try {
            if (data.current() == null) {
                accompaniments.start(familyId, form);
                messages.info("accompaniment.started");
            } else {
                accompaniments.updatePlan(data.current().id(), data.current().version(), form);
                messages.info("accompaniment.saved");
            }
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        return reload();
    }

    public String addSession() {
        SessionForm form = new SessionForm(heldOn, kind, attendees, notes, nextStep);
        if (!validation.check(form, "sessionForm", Map.of())) {
            return null;
        }
        try {
            accompaniments.addSession(data.current().id(), form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("accompaniment.session.saved");
        return reload();
    }

    public String end() {
        EndForm form = new EndForm(endedOn, endReason);
        if (!validation.check(form, "endForm", Map.of())) {
            return null;
        }
        try {
            accompaniments.end(data.current().id(), data.current().version(), form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("accompaniment.ended");
        return reload();
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public void setEndedOn(LocalDate endedOn) {
        this.endedOn = endedOn;
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }

    private String reload() {
        return "/plan/accompaniment?faces-redirect=true&family=" + familyId;
    }

    public List<SessionKind> getKinds() {
        return List.of(SessionKind.values());
    }

    public FamilyAccompaniment getData() {
        return data;
    }

    public boolean isNoFamily() {
        return noFamily;
    }

    public Long getFamilyId() {
        return familyId;
    }

    public void setFamilyId(Long familyId) {
        this.familyId = familyId;
    }

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public Long getResponsibleUserId() {
        return responsibleUserId;
    }

    public void setResponsibleUserId(Long responsibleUserId) {
        this.responsibleUserId = responsibleUserId;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public void setStartedOn(LocalDate startedOn) {
        this.startedOn = startedOn;
    }

    public String getGoals() {
        return goals;
    }

    public void setGoals(String goals) {
        this.goals = goals;
    }

    public String getAgreedActions() {
        return agreedActions;
    }

    public void setAgreedActions(String agreedActions) {
        this.agreedActions = agreedActions;
    }

    public String getFamilyGoals() {
        return familyGoals;
    }

    public void setFamilyGoals(String familyGoals) {
        this.familyGoals = familyGoals;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public SessionKind getKind() {
        return kind;
    }

    public void setKind(SessionKind kind) {
        this.kind = kind;
    }

    public String getAttendees() {
        return attendees;
    }

    public void setAttendees(String attendees) {
        this.attendees = attendees;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getNextStep() {
        return nextStep;
    }

    public void setNextStep(String nextStep) {
        this.nextStep = nextStep;
    }
}
