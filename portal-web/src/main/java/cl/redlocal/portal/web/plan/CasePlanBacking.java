package cl.redlocal.portal.web.plan;

import cl.redlocal.portal.plan.boundary.PlanService;
import cl.redlocal.portal.plan.boundary.PlanView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The case page's section on the plan: read once per view, the first time the section asks. */
@Named
@ViewScoped
public class CasePlanBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlanService plans;

    private Long caseId;
    private PlanView plan;

    public PlanView plan(Long id) {
        if (id == null) {
            return null;
        }
        if (!id.equals(caseId)) {
            caseId = id;
            plan = plans.plan(id).orElse(null);
        }
        return plan;
    }
}
