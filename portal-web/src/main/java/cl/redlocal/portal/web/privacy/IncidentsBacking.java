package cl.redlocal.portal.web.privacy;

import cl.redlocal.portal.privacy.boundary.IncidentForm;
import cl.redlocal.portal.privacy.boundary.IncidentRow;
import cl.redlocal.portal.privacy.boundary.PrivacyAdministration;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The breach register: record an incident (the portal computes what it exposed) and read every incident with its drafted notices. */
@Named
@ViewScoped
public class IncidentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PrivacyAdministration administration;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    private LocalDateTime from;
    private LocalDateTime to;
    private String accounts;
    private String whatHappened;
    private String measures;
    private List<IncidentRow> rows;

    public void load() {
        rows = administration.incidents();
    }

    public String record() {
        IncidentForm form = new IncidentForm(from, to, accounts, whatHappened, measures);
        if (!validation.check(form, "incidentForm", Map.of("windowOrdered", "to"))) {
            return null;
        }
        administration.recordIncident(form);
        messages.info("privacy.incident.saved");
        return "/privacy/incidents?faces-redirect=true";
    }

    public List<IncidentRow> getRows() {
        return rows;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getAccounts() {
        return accounts;
    }

    public void setAccounts(String accounts) {
        this.accounts = accounts;
    }

    public String getWhatHappened() {
        return whatHappened;
    }

    public void setWhatHappened(String whatHappened) {
        this.whatHappened = whatHappened;
    }

    public String getMeasures() {
        return measures;
    }

    public void setMeasures(String measures) {
        this.measures = measures;
    }
}
