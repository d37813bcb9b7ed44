package cl.redlocal.portal.web.followup;

import cl.redlocal.portal.followup.boundary.FollowUpService;
import cl.redlocal.portal.followup.boundary.FollowUpService.TaskRow;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The program's post-exit follow-ups that are due, recorded done with notes. */
@Named
@ViewScoped
public class FollowUpDueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FollowUpService followUp;

    @Inject
    PortalClock clock;

    @Inject
    Messages messages;

    private List<TaskRow> rows;
    private TaskRow selected;
    private String notes;

    public List<TaskRow> getRows() {
        if (rows == null) {
            rows = followUp.due(clock.today());
        }
        return rows;
    }

    public void exported(String format) {
        followUp.exported(format);
    }

    public void select(TaskRow row) {
        selected = row;
        notes = null;
    }

    public void complete() {
        if (selected == null) {
            return;
        }
        try {
            followUp.complete(selected.id(), selected.version(), notes);
            messages.info("followup.task.done", selected.caseCode());
            selected = null;
            rows = null;
        } catch (BusinessException e) {
            messages.error("dueForm:notes", e.getMessageKey(), e.getArguments());
        }
    }

    public TaskRow getSelected() {
        return selected;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
