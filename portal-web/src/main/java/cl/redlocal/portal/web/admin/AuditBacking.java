package cl.redlocal.portal.web.admin;

import cl.redlocal.portal.audit.boundary.AuditSearch;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditEntry;
import cl.redlocal.portal.audit.control.AuditFilter;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;

/** The audit trail of the comuna: filters, a lazy table, and the CSV of what the filters select. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditSearch search;

    @Inject
    cl.redlocal.portal.web.platform.Messages messages;

    private LocalDate from;
    private LocalDate to;
    private String username;
    private AuditAction action;
    private String entityType;
    private String entityId;
    private AuditOutcome outcome;
    private PagedModel<AuditEntry> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> search.count(filter()), page -> search.list(filter(), page), AuditEntry::id);
    }

    public AuditFilter filter() {
        return new AuditFilter(from, to, username, action, entityType, entityId, outcome);
    }

    /** The export link carries the filters as query parameters (see AuditExportServlet). */
    public String getExportQuery() {
        StringBuilder q = new StringBuilder();
        append(q, "from", from);
        append(q, "to", to);
        append(q, "username", username);
        append(q, "action", action);
        append(q, "entityType", entityType);
        append(q, "entityId", entityId);
        append(q, "outcome", outcome);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            q.append(q.length() == 0 ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** An action code as people read it (audit.action.X), the code itself for one the bundle does not know. */
    public String actionLabel(Object action) {
        return label("audit.action.", action);
    }

    /** A record type code as people read it (audit.entity.X), the code itself for one the bundle does not know. */
    public String entityLabel(String entityType) {
        return label("audit.entity.", entityType);
    }

    private String label(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        String key = prefix + code;
        String text = messages.text(key);
        return key.equals(text) ? code.toString() : text;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public PagedModel<AuditEntry> getModel() {
        return model;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public void setEntityId(String entityId) {
        this.entityId = entityId;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
    }
}
