package cl.redlocal.portal.web.referrals;

import cl.redlocal.portal.referral.boundary.ReferralBox;
import cl.redlocal.portal.referral.boundary.ReferralFilter;
import cl.redlocal.portal.referral.boundary.ReferralRow;
import cl.redlocal.portal.referral.boundary.ReferralService;
import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * The referral inbox: received by my program, sent by it, or (co-facilitators) every referral of the comuna;
 * filtered, sorted and paged in SQL, exportable (the export is audited).
 */
@Named
@ViewScoped
public class InboxBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferralService referrals;

    @Inject
    ExternalContext external;

    private List<ReferralBox> boxes;
    private ReferralBox box;
    private ReferralState state;
    private Urgency urgency;
    private boolean overdueOnly;
    private String caseCode;
    private PagedModel<ReferralRow> model;

    @PostConstruct
    void init() {
        boolean cofacilitator = external.isUserInRole("COFACILITADOR");
        boolean professional = external.isUserInRole("PROFESIONAL");
        boxes = cofacilitator ? List.of(ReferralBox.COMUNA)
                : professional ? List.of(ReferralBox.RECEIVED, ReferralBox.SENT) : List.of();
        box = boxes.isEmpty() ? ReferralBox.RECEIVED : boxes.get(0);
        // roles without a referral list (the coordinator works with counts) get an empty table, not an error
        model = new PagedModel<>(() -> boxes.isEmpty() ? 0 : referrals.count(filter()),
                page -> boxes.isEmpty() ? List.of() : referrals.list(filter(), page).rows(), ReferralRow::id);
    }

    public ReferralFilter filter() {
        return new ReferralFilter(box, state, urgency, overdueOnly, caseCode, null);
    }

    /** Before an export: who took which list. */
    public void exported(String format) {
        if (!boxes.isEmpty()) {
            referrals.recordExport(filter(), format);
        }
    }

    public PagedModel<ReferralRow> getModel() {
        return model;
    }

    public List<ReferralBox> getBoxes() {
        return boxes;
    }

    public ReferralState[] getStates() {
        return ReferralState.values();
    }

    public Urgency[] getUrgencies() {
        return Urgency.values();
    }

    public ReferralBox getBox() {
        return box;
    }

    public void setBox(ReferralBox box) {
        if (box != null && boxes.contains(box)) {
            this.box = box;
        }
    }

    public ReferralState getState() {
        return state;
    }

    public void setState(ReferralState state) {
        this.state = state;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public void setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public void setCaseCode(String caseCode) {
        this.caseCode = caseCode;
    }
}
