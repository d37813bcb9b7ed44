package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.agenda.boundary.AgendaItemForm;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaService;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaView;
import cl.redlocal.portal.mgc.agenda.control.Suggestion;
import cl.redlocal.portal.mgc.agenda.entity.AgendaBlock;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The agenda of a session (URL parameter {@code session}; without it, the comuna's next session). Editing
 * opens a dialog rendered by the server; every action ends in a redirect to the same agenda, so a reload
 * never repeats it. The agreements and flows blocks are computed by the service when the page is read.
 */
@Named
@ViewScoped
public class AgendaBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgendaService agenda;

    @Inject
    AccountService account;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    @Inject
    cl.redlocal.portal.mgc.network.boundary.ProtocolService protocols;

    @Inject
    cl.redlocal.portal.mgc.network.boundary.KnotService knots;

    /** Issue 18: drafts on this agenda for approval, those it approved, and the table's open knots. */
    private cl.redlocal.portal.mgc.network.boundary.SessionProtocols sessionProtocols;
    private List<cl.redlocal.portal.mgc.network.boundary.KnotRow> openKnots = List.of();

    private Long sessionId;
    private AgendaView view;
    private boolean notFound;
    private boolean professional;
    private List<Suggestion> suggestions = List.of();
    private String flowsChart;

    /** The open dialog: "edit" or "add". */
    private String dialog;
    private AgendaView.Item selected;
    private String title;
    private String description;
    private AgendaBlock block = AgendaBlock.TOPICS;
    private String caseCode;
    private String proposalReason;

    /** f:viewAction */
    public void load() {
        professional = account.me().role() == Role.PROFESIONAL;
        if (sessionId == null) {
            sessionId = agenda.nextSessionId().orElse(null);
        }
        view = sessionId == null ? null : agenda.agenda(sessionId).orElse(null);
        notFound = view == null;
        if (view != null) {
            if (view.editable()) {
                suggestions = agenda.suggestions(sessionId);
            }
            sessionProtocols = protocols.ofSession(sessionId);
            openKnots = knots.onAgenda(sessionId);
            flowsChart = view.flows().lines().isEmpty() ? null : AgendaCharts.flows(view.flows().lines(), messages::text);
        }
    }

    public String prepare() {
        return act(() -> {
            int taken = agenda.prepare(sessionId);
            messages.info("mgc.agenda.prepared", taken);
        });
    }

    public void prepareEdit(AgendaView.Item item) {
        dialog = "edit";
        selected = item;
        title = item.title();
        description = item.description();
    }

    public void prepareAdd() {
        dialog = "add";
        selected = null;
        title = null;
        description = null;
        block = AgendaBlock.TOPICS;
    }

    public void cancel() {
        dialog = null;
        selected = null;
    }

    public String save() {
        AgendaItemForm form = new AgendaItemForm(title, description);
        if (!validation.check(form, "itemForm", Map.of())) {
            return null;
        }
        return act(() -> {
            if (selected == null) {
                agenda.addItem(sessionId, block, form);
            } else {
                agenda.editItem(selected.id(), selected.version(), form);
            }
            messages.info("mgc.agenda.saved");
        });
    }

    public String moveUp(AgendaView.Item item) {
        return act(() -> agenda.move(item.id(), item.version(), true));
    }

    public String moveDown(AgendaView.Item item) {
        return act(() -> agenda.move(item.id(), item.version(), false));
    }

    public String remove(AgendaView.Item item) {
        return act(() -> {
            agenda.remove(item.id(), item.version());
            messages.info("mgc.agenda.removed", item.title());
        });
    }

    public String pick(Suggestion suggestion) {
        return act(() -> {
            agenda.pick(sessionId, suggestion.caseId(), true, suggestion.reasonText());
            messages.info("mgc.agenda.case.picked", suggestion.code());
        });
    }

    public String pickByCode() {
        if (caseCode == null || caseCode.isBlank()) {
            messages.error("pickForm:caseCode", "mgc.agenda.case.code.required");
            return null;
        }
        return act(() -> {
            agenda.pickByCode(sessionId, caseCode);
            messages.info("mgc.agenda.case.picked", caseCode.strip());
        });
    }

    public String propose() {
        if (caseCode == null || caseCode.isBlank()) {
            messages.error("proposeForm:caseCode", "mgc.agenda.case.code.required");
        }
        if (proposalReason == null || proposalReason.isBlank()) {
            messages.error("proposeForm:proposalReason", "mgc.agenda.case.reason.required");
        }
        if (caseCode == null || caseCode.isBlank() || proposalReason == null || proposalReason.isBlank()) {
            return null;
        }
        return act(() -> {
            agenda.proposeByCode(sessionId, caseCode, proposalReason);
            messages.info("mgc.agenda.case.proposed", caseCode.strip());
        });
    }

    public String accept(AgendaView.CaseRow row) {
        return act(() -> agenda.decide(row.id(), row.version(), true));
    }

    public String decline(AgendaView.CaseRow row) {
        return act(() -> agenda.decide(row.id(), row.version(), false));
    }

    private String act(Runnable action) {
        try {
            action.run();
            return "/mgc/agenda?faces-redirect=true&session=" + sessionId;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    public List<AgendaBlock> addableBlocks() {
        return List.of(AgendaBlock.TOPICS, AgendaBlock.OTHER);
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }

    public AgendaView getView() {
        return view;
    }

    public cl.redlocal.portal.mgc.network.boundary.SessionProtocols getSessionProtocols() {
        return sessionProtocols;
    }

    public List<cl.redlocal.portal.mgc.network.boundary.KnotRow> getOpenKnots() {
        return openKnots;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isProfessional() {
        return professional;
    }

    public List<Suggestion> getSuggestions() {
        return suggestions;
    }

    public String getFlowsChart() {
        return flowsChart;
    }

    public String getDialog() {
        return dialog;
    }

    public AgendaView.Item getSelected() {
        return selected;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public AgendaBlock getBlock() {
        return block;
    }

    public void setBlock(AgendaBlock block) {
        this.block = block;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public void setCaseCode(String caseCode) {
        this.caseCode = caseCode;
    }

    public String getProposalReason() {
        return proposalReason;
    }

    public void setProposalReason(String proposalReason) {
        this.proposalReason = proposalReason;
    }
}
