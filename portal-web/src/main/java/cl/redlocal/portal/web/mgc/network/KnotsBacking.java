package cl.redlocal.portal.web.mgc.network;

import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.mgc.network.boundary.KnotForm;
import cl.redlocal.portal.mgc.network.boundary.KnotRow;
import cl.redlocal.portal.mgc.network.boundary.KnotService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The critical knots of the comuna (/mgc/network/knots.xhtml; the territorial manager: of the comunas they
 * support, read-only): a lazy list filtered by state (open first by default) with audited CSV/XLSX exports;
 * for co-facilitators the form that records or rewrites a knot (evidence, its link, strategy, the table's
 * agreements that carry it) and the close of a knot with its day and how. Every change redirects to the page.
 */
@Named
@ViewScoped
public class KnotsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Links to evidence the portal itself shows: a session's flows block and the offer's gaps. */
    static final String FLOWS = "/mgc/agenda.xhtml?session=%d#flowsTitle";
    static final String GAPS = "/offer/gaps.xhtml";

    @Inject
    KnotService knots;

    @Inject
    AccountService account;

    @Inject
    PortalClock clock;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    /** The state filter, read by the lazy model at each load (OPEN, the default; RESOLVED; ALL). */
    public static class Filter implements Serializable {
        private static final long serialVersionUID = 1L;
        private String state = "OPEN";

        Boolean open() {
            return switch (state == null ? "" : state) {
                case "OPEN" -> Boolean.TRUE;
                case "RESOLVED" -> Boolean.FALSE;
                default -> null;
            };
        }
    }

    private final Filter filter = new Filter();
    private PagedModel<KnotRow> model;
    private boolean editor;

    private Long edit;
    private KnotRow editing;
    private Long tableId;
    private String title;
    private String description;
    private String evidence;
    private String evidenceLink;
    private String evidenceSource;
    private String strategy;
    private LocalDate detectedOn;
    private Long detectedSessionId;
    private List<Long> agreementIds = new ArrayList<>();

    private Long close;
    private KnotRow closing;
    private LocalDate resolvedOn;
    private String resolution;

    private List<Choice> tableChoices = List.of();
    private List<Choice> agreementChoices = List.of();
    private List<SessionRef> sessionChoices = List.of();
    private List<Choice> evidenceChoices = List.of();

    /** f:viewAction (after the params ?state=, ?edit=, ?close=). */
    public void load() {
        KnotService service = knots;
        Filter f = filter;
        model = new PagedModel<>(() -> service.count(f.open()), page -> service.list(f.open(), page), KnotRow::id);
        editor = account.me().role() == Role.COFACILITADOR;
        if (!editor) {
            return;
        }
        detectedOn = clock.today();
        tableChoices = knots.tableChoices();
        sessionChoices = knots.sessionChoices();
        agreementChoices = knots.agreementChoices();
        List<Choice> sources = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (SessionRef s : sessionChoices) {
            if (!s.startsAt().isAfter(now)) { // a flows block is evidence once its session has begun
                sources.add(new Choice(s.id(), s.tableName() + " · " + clock.dayOf(s.startsAt())));
            }
        }
        evidenceChoices = sources;
        if (tableChoices.size() == 1) {
            tableId = tableChoices.get(0).id();
        }
        if (edit != null) {
            editing = knots.find(edit).filter(KnotRow::open).orElse(null);
            if (editing != null) {
                tableId = editing.tableId();
                title = editing.title();
                description = editing.description();
                evidence = editing.evidence();
                evidenceLink = editing.evidenceLink();
                strategy = editing.strategy();
                detectedOn = editing.detectedOn();
                detectedSessionId = editing.detectedSessionId();
                agreementIds = new ArrayList<>(knots.linkedAgreements(edit));
            }
        }
        if (close != null) {
            closing = knots.find(close).filter(KnotRow::open).orElse(null);
            resolvedOn = clock.today();
        }
    }

    public String save() {
        String link = evidenceLink == null || evidenceLink.isBlank() ? source() : evidenceLink.strip();
        KnotForm form = new KnotForm(tableId, title, description, evidence, link, strategy, detectedOn,
                detectedSessionId, agreementIds);
        if (!validation.check(form, "knotForm", Map.of())) {
            return null;
        }
        try {
            if (editing == null) {
                knots.record(form);
                messages.info("net.knots.recorded");
            } else {
                knots.update(editing.id(), editing.version(), form);
                messages.info("net.knots.saved");
            }
            return "/mgc/network/knots?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e, Map.of("net.knot.table.required", "knotForm:tableId", "net.knot.table.fixed", "knotForm:tableId",
                    "net.knot.session.notOfTable", "knotForm:detectedSessionId",
                    "net.knot.agreements.foreign", "knotForm:agreementIds"));
            return null;
        }
    }

    private String source() {
        if (evidenceSource == null || evidenceSource.isBlank()) {
            return null;
        }
        return "GAPS".equals(evidenceSource) ? GAPS : String.format(FLOWS, Long.parseLong(evidenceSource));
    }

    public String resolve() {
        boolean valid = true;
        if (resolvedOn == null) {
            messages.error("resolveForm:resolvedOn", "net.knots.resolvedOn.required");
            valid = false;
        }
        if (resolution == null || resolution.isBlank()) {
            messages.error("resolveForm:resolution", "net.knots.resolution.required");
            valid = false;
        }
        if (!valid || closing == null) {
            return null;
        }
        try {
            knots.resolve(closing.id(), closing.version(), resolvedOn, resolution);
            messages.info("net.knots.resolvedDone");
            return "/mgc/network/knots?faces-redirect=true&state=RESOLVED";
        } catch (BusinessException e) {
            messages.error(e, Map.of("net.knot.resolvedOn.range", "resolveForm:resolvedOn"));
            return null;
        }
    }

    public void exported(String format) {
        knots.exported(format);
    }

    public List<String> getStates() { return List.of("OPEN", "RESOLVED", "ALL"); }
    public String getState() { return filter.state; }
    public void setState(String state) { filter.state = state; }
    public PagedModel<KnotRow> getModel() { return model; }
    public boolean isEditor() { return editor; }
    public Long getEdit() { return edit; }
    public void setEdit(Long edit) { this.edit = edit; }
    public KnotRow getEditing() { return editing; }
    public Long getClose() { return close; }
    public void setClose(Long close) { this.close = close; }
    public KnotRow getClosing() { return closing; }
    public Long getTableId() { return tableId; }
    public void setTableId(Long tableId) { this.tableId = tableId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public String getEvidenceLink() { return evidenceLink; }
    public void setEvidenceLink(String evidenceLink) { this.evidenceLink = evidenceLink; }
    public String getEvidenceSource() { return evidenceSource; }
    public void setEvidenceSource(String evidenceSource) { this.evidenceSource = evidenceSource; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public LocalDate getDetectedOn() { return detectedOn; }
    public void setDetectedOn(LocalDate detectedOn) { this.detectedOn = detectedOn; }
    public Long getDetectedSessionId() { return detectedSessionId; }
    public void setDetectedSessionId(Long detectedSessionId) { this.detectedSessionId = detectedSessionId; }
    public List<Long> getAgreementIds() { return agreementIds; }
    public void setAgreementIds(List<Long> agreementIds) { this.agreementIds = agreementIds; }
    public LocalDate getResolvedOn() { return resolvedOn; }
    public void setResolvedOn(LocalDate resolvedOn) { this.resolvedOn = resolvedOn; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public List<Choice> getTableChoices() { return tableChoices; }
    public List<Choice> getAgreementChoices() { return agreementChoices; }
    public List<SessionRef> getSessionChoices() { return sessionChoices; }
    public List<Choice> getEvidenceChoices() { return evidenceChoices; }
}
