package cl.redlocal.portal.web.alerts;

import cl.redlocal.portal.alert.boundary.AlertRow;
import cl.redlocal.portal.alert.boundary.AlertService;
import cl.redlocal.portal.alert.boundary.ManualAlert;
import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.cases.entity.RiskKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The case page's alerts section: the case's alerts, a manual alert, acknowledge and resolve with a reason. */
@Named
@ViewScoped
public class CaseAlertsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private Long caseId;
    private List<AlertRow> rows;
    private ManualAlert manual = new ManualAlert();
    private String reason;

    public List<AlertRow> rows(Long id) {
        if (id == null) {
            return List.of();
        }
        if (rows == null || !id.equals(caseId)) {
            caseId = id;
            rows = alerts.forCase(id);
        }
        return rows;
    }

    public RiskKind[] getKinds() {
        return RiskKind.values();
    }

    public AlertSeverity[] getSeverities() {
        return AlertSeverity.values();
    }

    public void raise(Long id) {
        if (!validation.check(manual, "caseAlertForm", Map.of())) {
            return;
        }
        try {
            alerts.raise(id, manual);
            messages.info("alerts.raised");
            manual = new ManualAlert();
            rows = null;
        } catch (BusinessException e) {
            messages.error(e);
        }
    }

    public void acknowledge(AlertRow row) {
        try {
            alerts.acknowledge(row.id(), row.version());
            messages.info("alerts.acknowledged");
        } catch (BusinessException e) {
            messages.error(e);
        }
        rows = null;
    }

    /** A co-facilitator puts the alert on the next table session's agenda from the case page (once). */
    public void toAgenda(AlertRow row) {
        try {
            messages.info(alerts.requestAgenda(row.id()) ? "alerts.agenda.done" : "alerts.agenda.already",
                    row.caseCode());
        } catch (BusinessException e) {
            messages.error(e);
        }
        rows = null;
    }

    public void resolve(AlertRow row) {
        try {
            alerts.resolve(row.id(), row.version(), reason);
            messages.info("alerts.resolved");
            reason = null;
            rows = null;
        } catch (BusinessException e) {
            messages.error("caseAlerts:reason", e.getMessageKey(), e.getArguments());
        }
    }

    public ManualAlert getManual() {
        return manual;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
