package cl.redlocal.portal.web.plan;

import cl.redlocal.portal.plan.boundary.OverdueRow;
import cl.redlocal.portal.plan.boundary.PlanService;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The overdue actions of the caller's program (every program of the comuna, for a co-facilitator), lazy and exportable. */
@Named
@ViewScoped
public class OverdueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanService plans;

    private PagedModel<OverdueRow> model;

    @PostConstruct
    void init() {
        PlanService service = plans;
        model = new PagedModel<>(service::countOverdue, service::overdue, OverdueRow::actionId);
    }

    /** Before an export: who took the list. */
    public void exported(String format) {
        plans.overdueExported(format);
    }

    public PagedModel<OverdueRow> getModel() {
        return model;
    }
}
