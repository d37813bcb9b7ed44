package cl.redlocal.portal.web.privacy;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.privacy.boundary.PrivacyAdministration;
import cl.redlocal.portal.privacy.boundary.RetentionCandidate;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** The administrator's retention page: the term in years, the children past it, and the approval of their anonymisation. */
@Named
@ViewScoped
public class RetentionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PrivacyAdministration administration;

    @Inject
    Messages messages;

    private Integer years;
    private List<RetentionCandidate> candidates;

    public void load() {
        years = administration.retentionYears();
        candidates = administration.pastTerm();
    }

    public String saveYears() {
        if (years == null || years < 1 || years > 30) {
            messages.error("retentionForm:years", "privacy.retention.years.invalid");
            return null;
        }
        administration.changeRetention(years);
        messages.info("privacy.retention.saved");
        return "/privacy/retention?faces-redirect=true";
    }

    public String anonymise(long childId) {
        try {
            administration.anonymise(childId);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            messages.error(null, "privacy.retention.failed");
            return null;
        }
        messages.info("privacy.retention.done");
        return "/privacy/retention?faces-redirect=true";
    }

    public Integer getYears() {
        return years;
    }

    public void setYears(Integer years) {
        this.years = years;
    }

    public List<RetentionCandidate> getCandidates() {
        return candidates;
    }
}
