package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.MgcTableService;
import cl.redlocal.portal.mgc.session.boundary.PlanForm;
import cl.redlocal.portal.mgc.session.boundary.PlanRow;
import cl.redlocal.portal.mgc.session.boundary.SessionForm;
import cl.redlocal.portal.mgc.session.boundary.SessionRow;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import cl.redlocal.portal.mgc.session.boundary.TableRow;
import cl.redlocal.portal.mgc.session.entity.Frequency;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** /mgc/plan.xhtml: a table's plans, the sessions they generated, a new plan and a session outside any plan. */
@Named
@ViewScoped
public class SessionPlanBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MgcTableService tables;

    @Inject
    SessionService sessions;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    @Inject
    PortalClock clock;

    private Long tableId;
    private List<TableRow> tableList;
    private TableRow table;
    private List<PlanRow> plans;
    private List<SessionRow> sessionList;
    private PlanForm planForm;
    private SessionForm sessionForm;

    public void load() {
        tableList = tables.tables();
        if (tableId == null && !tableList.isEmpty()) {
            tableId = tableList.get(0).id();
        }
        table = tableId == null ? null : tables.table(tableId).orElse(null);
        plans = table == null ? List.of() : sessions.plans(table.id());
        sessionList = table == null ? List.of() : sessions.sessionsOfTable(table.id(), null, null);
        planForm = new PlanForm();
        planForm.setTableId(tableId);
        planForm.setFrequency(Frequency.MONTHLY);
        planForm.setWeekday(3);
        planForm.setWeekOfMonth(2);
        planForm.setStartTime("09:30");
        planForm.setDurationMinutes(180);
        sessionForm = new SessionForm();
        sessionForm.setTableId(tableId);
        sessionForm.setStartTime("09:30");
        sessionForm.setDurationMinutes(180);
    }

    public String createPlan() {
        if (!validation.check(planForm, "planForm", Map.of("placeOrLink", "place", "rangeOrdered", "endsOn",
                "weekOfMonthGiven", "weekOfMonth"))) {
            return null;
        }
        try {
            sessions.createPlan(planForm);
            messages.info("mgc.plan.created", planForm.getLabel());
            return "/mgc/plan?faces-redirect=true&table=" + tableId;
        } catch (BusinessException e) {
            messages.error("planForm:label", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String addSession() {
        if (!validation.check(sessionForm, "sessionForm", Map.of("placeOrLink", "place"))) {
            return null;
        }
        try {
            long id = sessions.addSession(sessionForm);
            messages.info("mgc.session.added");
            return "/mgc/session?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.error("sessionForm:day", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public Frequency[] getFrequencies() {
        return Frequency.values();
    }

    public List<Integer> getWeekdays() {
        return List.of(1, 2, 3, 4, 5, 6, 7);
    }

    public List<Integer> getWeeksOfMonth() {
        return List.of(1, 2, 3, 4, -1);
    }

    public Long getTableId() { return tableId; }
    public void setTableId(Long v) { tableId = v; }
    public List<TableRow> getTableList() { return tableList; }
    public TableRow getTable() { return table; }
    public List<PlanRow> getPlans() { return plans; }
    public List<SessionRow> getSessionList() { return sessionList; }
    public PlanForm getPlanForm() { return planForm; }
    public SessionForm getSessionForm() { return sessionForm; }
}
