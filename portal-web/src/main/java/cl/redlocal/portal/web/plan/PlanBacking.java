package cl.redlocal.portal.web.plan;

import cl.redlocal.portal.plan.boundary.ActionForm;
import cl.redlocal.portal.plan.boundary.GoalAchievement;
import cl.redlocal.portal.plan.boundary.GoalForm;
import cl.redlocal.portal.plan.boundary.PlanService;
import cl.redlocal.portal.plan.boundary.PlanView;
import cl.redlocal.portal.plan.boundary.ReviewForm;
import cl.redlocal.portal.plan.entity.Achievement;
import cl.redlocal.portal.plan.entity.ActionStatus;
import cl.redlocal.portal.plan.entity.Dimension;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan page of one case: goals, the actions of every involved program (overdue ones marked), the
 * action form (new or the chosen one of the caller's program), reviews, and the PDF for the family meeting.
 */
@Named
@ViewScoped
public class PlanBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanService plans;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long caseId;
    private PlanView plan;

    private Dimension goalDimension;
    private String goalDescription;

    private Long editingId;
    private int editingVersion;
    private Long goalId;
    private String description;
    private Long programId;
    private Long responsibleUserId;
    private String responsibleName;
    private LocalDate startsOn;
    private LocalDate dueOn;
    private ActionStatus status = ActionStatus.PENDING;
    private Integer progress = 0;

    private LocalDate reviewedOn;
    private String reviewNotes;
    private final Map<Long, String> achieved = new HashMap<>();

    public void load() {
        plan = caseId == null ? null : plans.plan(caseId).orElse(null);
        if (plan != null && programId == null && !plan.editsEveryAction()) {
            programId = plan.myProgramId();
        }
    }

    public String addGoal() {
        GoalForm form = new GoalForm(goalDimension, goalDescription);
        if (!validation.check(form, "goalForm", Map.of())) {
            return null;
        }
        try {
            plans.addGoal(caseId, form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("plan.goal.saved");
        return reload();
    }

    public void edit(PlanView.Action a) {
        editingId = a.id();
        editingVersion = a.version();
        goalId = a.goalId();
        description = a.description();
        programId = a.programId();
        responsibleUserId = a.responsibleUserId();
        responsibleName = a.responsibleUserId() == null ? a.responsible() : null;
        startsOn = a.startsOn();
        dueOn = a.dueOn();
        status = a.status();
        progress = a.progress();
    }

    public String cancelEdit() {
        return reload();
    }

    public String saveAction() {
        ActionForm form = new ActionForm(goalId, description, programId, responsibleUserId, responsibleName, startsOn,
                dueOn, status, progress == null ? 0 : progress);
        if (!validation.check(form, "actionForm", Map.of("dueAfterStart", "dueOn",
                "responsibleGiven", "responsibleName"))) {
            return null;
        }
        try {
            if (editingId == null) {
                plans.addAction(caseId, form);
            } else {
                plans.updateAction(editingId, editingVersion, form);
            }
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("plan.action.saved");
        return reload();
    }

    public String addReview() {
        List<GoalAchievement> goals = plan == null ? List.of() : plan.goals().stream()
                .filter(g -> achieved.get(g.id()) != null && !achieved.get(g.id()).isBlank())
                .map(g -> new GoalAchievement(g.id(), Achievement.valueOf(achieved.get(g.id())))).toList();
        ReviewForm form = new ReviewForm(reviewedOn, reviewNotes, goals);
        if (!validation.check(form, "reviewForm", Map.of("notes", "reviewNotes"))) {
            return null;
        }
        try {
            plans.addReview(caseId, plan.version(), form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("plan.review.saved");
        return reload();
    }

    /** The plan for the family meeting; the export is audited by the service. */
    public void downloadPdf() throws IOException {
        PlanView view = plans.export(caseId, "PDF").orElse(null);
        if (view == null) {
            messages.error(null, "plan.notFound");
            return;
        }
        byte[] pdf = new PlanPdf(messages::text, faces.getViewRoot().getLocale()).write(view);
        Faces.sendFile(pdf, messages.text("plan.pdf.file") + "-" + view.caseCode() + ".pdf", true);
    }

    private String reload() {
        return "/plan/plan?faces-redirect=true&case=" + caseId;
    }

    public List<Dimension> getDimensions() {
        return List.of(Dimension.values());
    }

    public List<ActionStatus> getStatuses() {
        return List.of(ActionStatus.values());
    }

    public List<Achievement> getAchievements() {
        return List.of(Achievement.values());
    }

    /** The programs the caller may give an action to: their own, or every involved one for a co-facilitator. */
    public List<PlanView.ProgramOption> getActionPrograms() {
        if (plan == null) {
            return List.of();
        }
        return plan.editsEveryAction() ? plan.programs()
                : plan.programs().stream().filter(p -> plan.myProgramId() != null && p.id() == plan.myProgramId()).toList();
    }

    public List<PlanView.Person> getActionPeople() {
        if (plan == null) {
            return List.of();
        }
        return plan.people().stream().filter(p -> getActionPrograms().stream().anyMatch(o -> o.id() == p.programId()))
                .toList();
    }

    public PlanView getPlan() {
        return plan;
    }

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public Dimension getGoalDimension() {
        return goalDimension;
    }

    public void setGoalDimension(Dimension goalDimension) {
        this.goalDimension = goalDimension;
    }

    public String getGoalDescription() {
        return goalDescription;
    }

    public void setGoalDescription(String goalDescription) {
        this.goalDescription = goalDescription;
    }

    public Long getEditingId() {
        return editingId;
    }

    public Long getGoalId() {
        return goalId;
    }

    public void setGoalId(Long goalId) {
        this.goalId = goalId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public Long getResponsibleUserId() {
        return responsibleUserId;
    }

    public void setResponsibleUserId(Long responsibleUserId) {
        this.responsibleUserId = responsibleUserId;
    }

    public String getResponsibleName() {
        return responsibleName;
    }

    public void setResponsibleName(String responsibleName) {
        this.responsibleName = responsibleName;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public void setStatus(ActionStatus status) {
        this.status = status;
    }

    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    public LocalDate getReviewedOn() {
        return reviewedOn;
    }

    public void setReviewedOn(LocalDate reviewedOn) {
        this.reviewedOn = reviewedOn;
    }

    public String getReviewNotes() {
        return reviewNotes;
    }

    public void setReviewNotes(String reviewNotes) {
        this.reviewNotes = reviewNotes;
    }

    public Map<Long, String> getAchieved() {
        return achieved;
    }
}
