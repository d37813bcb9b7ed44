package cl.redlocal.portal.web.alerts;

import cl.redlocal.portal.alert.boundary.AlertRow;
import cl.redlocal.portal.alert.boundary.AlertService;
import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.alert.entity.AlertState;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The comuna's alert log: lazy, filtered by kind, severity, state and dates; the export is audited. */
@Named
@ViewScoped
public class AlertLogBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    private String kind;
    private String severity;
    private String state;
    private LocalDate from;
    private LocalDate to;

    private final PagedModel<AlertRow> model = new PagedModel<>(
            () -> alerts.logCount(filter()),
            page -> alerts.log(filter(), page.first(), page.size(), false).rows(),
            AlertRow::id);

    private AlertService.LogFilter filter() {
        return new AlertService.LogFilter(kind, severity, state, from, to);
    }

    public void exported(String format) {
        alerts.exported(format);
    }

    public PagedModel<AlertRow> getModel() {
        return model;
    }

    public List<String> getKinds() {
        return java.util.stream.Stream.concat(
                java.util.Arrays.stream(cl.redlocal.portal.alert.entity.AlertRule.values())
                        .filter(r -> r != cl.redlocal.portal.alert.entity.AlertRule.ESCALATION).map(Enum::name),
                java.util.Arrays.stream(cl.redlocal.portal.cases.entity.RiskKind.values()).map(Enum::name)).toList();
    }

    public AlertSeverity[] getSeverities() {
        return AlertSeverity.values();
    }

    public AlertState[] getStates() {
        return AlertState.values();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
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
}
