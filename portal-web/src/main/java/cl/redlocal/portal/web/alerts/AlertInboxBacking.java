package cl.redlocal.portal.web.alerts;

import cl.redlocal.portal.alert.boundary.AlertRow;
import cl.redlocal.portal.alert.boundary.AlertService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The co-facilitators' inbox of escalated alerts, with the one-click request for the next table session. */
@Named
@ViewScoped
public class AlertInboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    @Inject
    Messages messages;

    private List<AlertRow> rows;

    public List<AlertRow> getRows() {
        if (rows == null) {
            rows = alerts.inbox();
        }
        return rows;
    }

    public void toAgenda(AlertRow row) {
        try {
            if (alerts.requestAgenda(row.id())) {
                messages.info("alerts.agenda.done", row.caseCode());
            } else {
                messages.info("alerts.agenda.already", row.caseCode());
            }
        } catch (BusinessException e) {
            messages.error(e);
        }
        rows = null;
    }
}
