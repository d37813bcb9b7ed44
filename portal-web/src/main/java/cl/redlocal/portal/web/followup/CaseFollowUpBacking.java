package cl.redlocal.portal.web.followup;

import cl.redlocal.portal.followup.boundary.FollowUpService;
import cl.redlocal.portal.followup.boundary.FollowUpService.EntryRow;
import cl.redlocal.portal.followup.boundary.FollowUpService.Goals;
import cl.redlocal.portal.followup.boundary.FollowUpService.StayRow;
import cl.redlocal.portal.followup.boundary.FollowUpService.TaskRow;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The case page's follow-up section: trajectory with re-entries, exits, entries and post-exit follow-ups. */
@Named
@ViewScoped
public class CaseFollowUpBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FollowUpService followUp;

    @Inject
    Caller caller;

    @Inject
    PortalClock clock;

    @Inject
    Messages messages;

    private Long caseId;
    private List<StayRow> stays;
    private List<EntryRow> entries;
    private List<TaskRow> tasks;
    private String notes;
    private LocalDate exitOn;
    private String exitReason;
    private Goals goals;

    private void load(Long id) {
        if (stays == null || !id.equals(caseId)) {
            caseId = id;
            stays = followUp.trajectory(id);
            entries = followUp.entries(id);
            tasks = followUp.caseTasks(id);
        }
    }

    public List<StayRow> stays(Long id) {
        if (id == null) {
            return List.of();
        }
        load(id);
        return stays;
    }

    public List<EntryRow> entries(Long id) {
        if (id == null) {
            return List.of();
        }
        load(id);
        return entries;
    }

    public List<TaskRow> tasks(Long id) {
        if (id == null) {
            return List.of();
        }
        load(id);
        return tasks;
    }

    /** Whether the caller may record the exit of this stay (their own program's active stay, or a co-facilitator). */
    public boolean mayExit(StayRow stay) {
        var me = caller.profile();
        return stay.endedOn() == null && (me.role() == Role.COFACILITADOR
                || (me.role() == Role.PROFESIONAL && me.programId() != null && me.programId() == stay.programId()));
    }

    public boolean isProfessional() {
        return caller.profile().role() == Role.PROFESIONAL;
    }

    public Goals[] getGoalOptions() {
        return Goals.values();
    }

    public void addEntry(Long id) {
        try {
            followUp.addEntry(id, clock.today(), notes);
            messages.info("followup.entry.saved");
            notes = null;
            stays = null;
        } catch (BusinessException e) {
            messages.error("caseFollowUp:notes", e.getMessageKey(), e.getArguments());
        }
    }

    public void exit(StayRow stay) {
        try {
            followUp.exit(stay.involvementId(), stay.version(), exitOn == null ? clock.today() : exitOn, exitReason, goals);
            messages.info("followup.exit.saved", stay.program());
            exitReason = null;
            goals = null;
            exitOn = null;
            stays = null;
        } catch (BusinessException e) {
            messages.error("caseFollowUp:exitReason", e.getMessageKey(), e.getArguments());
        }
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public LocalDate getExitOn() {
        return exitOn;
    }

    public void setExitOn(LocalDate exitOn) {
        this.exitOn = exitOn;
    }

    public String getExitReason() {
        return exitReason;
    }

    public void setExitReason(String exitReason) {
        this.exitReason = exitReason;
    }

    public Goals getGoals() {
        return goals;
    }

    public void setGoals(Goals goals) {
        this.goals = goals;
    }
}
