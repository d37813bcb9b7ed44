package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.CaseRegistry;
import cl.redlocal.portal.cases.boundary.DecisionForm;
import cl.redlocal.portal.cases.boundary.DecisionOutcome;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.cases.entity.Admissibility;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The registry section of the case page (WEB-INF/includes/case/registry.xhtml): the child and family, the
 * access requests and their decisions, and for the receiving program the admissibility form and, after a
 * not-admissible decision, the programs whose eligibility fits. The case id is the page's own {@code id}
 * parameter, read once when the view is built; the service applies need-to-know again.
 */
@Named
@ViewScoped
public class RegistryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistryService registry;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    private Long caseId;
    private CaseRegistry view;
    private CaseRegistry.Access deciding;
    private Admissibility decision;
    private String decisionReason;
    private LocalDate decidedOn;

    @PostConstruct
    void init() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            caseId = id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            caseId = null;
        }
        reload();
    }

    private void reload() {
        view = caseId == null ? null : registry.registry(caseId).orElse(null);
        deciding = view == null ? null : view.requests().stream().filter(CaseRegistry.Access::decidable).findFirst()
                .orElse(null);
        decision = null;
        decisionReason = null;
        decidedOn = clock.today();
    }

    /**
     * Decides and reloads the whole case page (post-redirect-get): the waiting list, trajectory and alerts
     * sections are other beans' and must show what the decision changed, not what they loaded before it.
     */
    public String decide() {
        DecisionForm form = new DecisionForm(decision, decisionReason, decidedOn);
        if (!validation.check(form, "decision", Map.of("reason", "decisionReason", "decided", "decision"))) {
            return null;
        }
        try {
            DecisionOutcome outcome = registry.decide(deciding.id(), deciding.version(), form);
            if (outcome.placement() == null) {
                messages.info("registry.decided." + outcome.decision().name());
            } else {
                messages.info("registry.decided.ADMISSIBLE." + outcome.placement().name(), outcome.programAcronym(),
                        outcome.waiting());
            }
        } catch (BusinessException e) {
            messages.error(RegistryMessages.field("decision", e.getMessageKey()), e.getMessageKey(), e.getArguments());
            return null;
        }
        return "/cases/case?faces-redirect=true&id=" + caseId;
    }

    public List<Admissibility> getDecisions() {
        return List.of(Admissibility.ADMISSIBLE, Admissibility.NOT_ADMISSIBLE, Admissibility.REFER_ELSEWHERE);
    }

    public CaseRegistry getView() { return view; }
    public CaseRegistry.Access getDeciding() { return deciding; }
    public Admissibility getDecision() { return decision; }
    public void setDecision(Admissibility v) { decision = v; }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String v) { decisionReason = v; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public void setDecidedOn(LocalDate v) { decidedOn = v; }
}
