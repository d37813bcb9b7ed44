package cl.redlocal.portal.web.referrals;

import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.cases.boundary.CaseSummary;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.referral.boundary.Eligibility;
import cl.redlocal.portal.referral.boundary.ReferralService;
import cl.redlocal.portal.referral.boundary.SendReferral;
import cl.redlocal.portal.referral.boundary.TargetOption;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A new referral of a case (?case=ID, optionally &amp;to=PROGRAM_ID as the admissibility decision links it):
 * the target is chosen, the eligibility and vacancy preview follows the choice, and the referral is sent.
 */
@Named
@ViewScoped
public class NewReferralBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Inject
    ReferralService referrals;

    @Inject
    CaseService cases;

    @Inject
    cl.redlocal.portal.mgc.network.boundary.ProtocolService protocols;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    @Inject
    jakarta.faces.context.ExternalContext external;

    private Long caseId;
    private String caseCode;
    private String initials;
    private List<TargetOption> targets = List.of();
    private Long toProgramId;
    private String reason;
    private String summary;
    private Urgency urgency = Urgency.NORMAL;
    private boolean consent;
    private String consentNote;
    private boolean courtOrdered;
    private Eligibility eligibility;
    private List<String> eligibilityReasons = List.of();
    /** The approved protocols that bind the sender's program and the target (issue 18): their steps and deadlines. */
    private List<cl.redlocal.portal.mgc.network.boundary.BindingProtocol> bindingProtocols = List.of();

    /** f:viewAction */
    public void load() {
        CaseSummary found = caseId == null ? null : cases.find(caseId).orElse(null);
        if (found == null) {
            caseCode = null;
            return;
        }
        caseCode = found.code();
        initials = found.initials();
        targets = referrals.targets();
        // ?to= is read once here, not as a view parameter, which would put it back on every ajax postback
        String to = external.getRequestParameterMap().get("to");
        if (to != null && to.matches("\\d{1,18}")) {
            toProgramId = Long.valueOf(to);
        }
        if (toProgramId != null && targets.stream().noneMatch(t -> t.id() == toProgramId)) {
            toProgramId = null;
        }
        preview();
    }

    /** The target or the court order changed: what the receiving program would see of this child. */
    public void preview() {
        eligibility = null;
        eligibilityReasons = List.of();
        bindingProtocols = List.of();
        if (caseCode == null || toProgramId == null) {
            return;
        }
        bindingProtocols = protocols.forReferral(null, toProgramId);
        try {
            eligibility = referrals.eligibility(caseId, toProgramId, courtOrdered);
            eligibilityReasons = EligibilityTexts.of(messages, eligibility);
        } catch (BusinessException e) {
            messages.error("referralForm:toProgramId", e.getMessageKey(), e.getArguments());
        }
    }

    public String send() {
        SendReferral command = new SendReferral(caseId, toProgramId, reason, summary, urgency, consent, consentNote,
                courtOrdered);
        if (!validation.check(command, "referralForm", Map.of("consentRecorded", "consent"))) {
            return null;
        }
        try {
            long id = referrals.send(command);
            LocalDate due = referrals.find(id).map(r -> r.dueOn()).orElse(null);
            messages.info("referral.sent", due == null ? "" : DAY.format(due));
            return "/referrals/referral?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.error(e.getMessageKey().startsWith("referral.target") || e.getMessageKey().equals("referral.duplicate")
                    ? "referralForm:toProgramId" : null, e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public List<cl.redlocal.portal.mgc.network.boundary.BindingProtocol> getBindingProtocols() {
        return bindingProtocols;
    }

    public boolean isFound() {
        return caseCode != null;
    }

    public Urgency[] getUrgencies() {
        return Urgency.values();
    }

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public String getInitials() {
        return initials;
    }

    public List<TargetOption> getTargets() {
        return targets;
    }

    public Long getToProgramId() {
        return toProgramId;
    }

    public void setToProgramId(Long toProgramId) {
        this.toProgramId = toProgramId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getConsentNote() {
        return consentNote;
    }

    public void setConsentNote(String consentNote) {
        this.consentNote = consentNote;
    }

    public boolean isCourtOrdered() {
        return courtOrdered;
    }

    public void setCourtOrdered(boolean courtOrdered) {
        this.courtOrdered = courtOrdered;
    }

    /** The due day of the preview as the portal writes days (dd-MM-yyyy). */
    public String getDueText() {
        return eligibility == null || eligibility.dueOn() == null ? "" : DAY.format(eligibility.dueOn());
    }

    public Eligibility getEligibility() {
        return eligibility;
    }

    public List<String> getEligibilityReasons() {
        return eligibilityReasons;
    }
}
