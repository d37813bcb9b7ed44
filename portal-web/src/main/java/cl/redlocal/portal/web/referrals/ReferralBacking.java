package cl.redlocal.portal.web.referrals;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.referral.boundary.Eligibility;
import cl.redlocal.portal.referral.boundary.ReferralDetails;
import cl.redlocal.portal.referral.boundary.ReferralService;
import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * A referral's page: details, history, eligibility while it is pending, and the answers the reader may
 * give. Opening it as the receiving program marks it received. Every answer is sent with the version
 * this page showed: a referral answered meanwhile by somebody else is not overwritten.
 */
@Named
@ViewScoped
public class ReferralBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferralService referrals;

    @Inject
    Messages messages;

    private Long id;
    private ReferralDetails referral;
    private Eligibility eligibility;
    private List<String> eligibilityReasons = List.of();
    private String note;
    private String rejectReason;
    private String withdrawReason;

    /** f:viewAction */
    public void load() {
        referral = id == null ? null : referrals.open(id).orElse(null);
        eligibility = null;
        eligibilityReasons = List.of();
        if (referral != null && referral.pending()) {
            try {
                eligibility = referrals.eligibility(referral.caseId(), referral.toProgramId(), referral.courtOrdered())
                        .ofSentReferral();
                eligibilityReasons = EligibilityTexts.of(messages, eligibility);
            } catch (BusinessException e) {
                eligibility = null; // the preview is a help; its absence does not stop the page
            }
        }
    }

    public String receive() {
        return act(() -> {
            referrals.receive(id, referral.version());
            messages.info("referral.received");
        }, null);
    }

    public String accept() {
        return act(() -> {
            ReferralState outcome = referrals.accept(id, referral.version(), note);
            messages.info("referral.accepted." + outcome);
        }, "acceptForm:note");
    }

    public String reject() {
        if (rejectReason == null || rejectReason.isBlank()) {
            messages.error("rejectForm:rejectReason", "referral.rejection.required");
            return null;
        }
        return act(() -> {
            referrals.reject(id, referral.version(), rejectReason);
            messages.info("referral.rejected");
        }, "rejectForm:rejectReason");
    }

    public String withdraw() {
        if (withdrawReason == null || withdrawReason.isBlank()) {
            messages.error("withdrawForm:withdrawReason", "referral.withdrawal.required");
            return null;
        }
        return act(() -> {
            referrals.withdraw(id, referral.version(), withdrawReason);
            messages.info("referral.withdrawn");
        }, "withdrawForm:withdrawReason");
    }

    private String act(Runnable action, String fieldId) {
        try {
            action.run();
        } catch (BusinessException e) {
            boolean fieldMessage = fieldId != null && (e.getMessageKey().endsWith(".required")
                    || e.getMessageKey().equals("referral.reason.tooLong"));
            messages.error(fieldMessage ? fieldId : null, e.getMessageKey(), e.getArguments());
            return null;
        }
        return "/referrals/referral?faces-redirect=true&id=" + id;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ReferralDetails getReferral() {
        return referral;
    }

    public Eligibility getEligibility() {
        return eligibility;
    }

    public List<String> getEligibilityReasons() {
        return eligibilityReasons;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public void setRejectReason(String rejectReason) {
        this.rejectReason = rejectReason;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }
}
