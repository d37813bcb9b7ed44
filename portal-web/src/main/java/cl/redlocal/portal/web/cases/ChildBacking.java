package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.AdultForm;
import cl.redlocal.portal.cases.boundary.ChildForm;
import cl.redlocal.portal.cases.boundary.ChildRecord;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * A child's registry (cases/child.xhtml?id=CHILD or ?case=CASE): the data, the family and its adults, the
 * siblings, and the corrections kept as history. A correction needs a reason; it is saved against the
 * version the person loaded.
 */
@Named
@ViewScoped
public class ChildBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RegistryService registry;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    private Long id;
    private Long caseId;
    private ChildRecord child;
    private boolean professional;

    // the correction form
    private final ChildFields fields = new ChildFields();
    private String reason;

    // the adult form
    private Long adultId;
    private int adultVersion;
    private String adultFullName;
    private String adultRelationship;
    private String adultRun;
    private String adultPhone;
    private String adultEmail;
    private boolean adultLivesWith = true;

    /** f:viewAction */
    public void load() {
        if (id == null && caseId != null) {
            id = registry.childOfCase(caseId).orElse(null);
        }
        child = id == null ? null : registry.child(id).orElse(null);
        professional = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .isUserInRole("PROFESIONAL");
        if (child != null) {
            fill();
        }
    }

    private void fill() {
        fields.fill(child);
        reason = null;
    }

    public void correct() {
        ChildForm form = fields.toForm();
        boolean ok = validation.check(form, "correction", RegistryMessages.CHILD_ALIASES);
        if (reason == null || reason.isBlank()) {
            messages.error("correction:reason", "child.correction.reasonRequired");
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            int changed = registry.correct(child.id(), child.version(), form, reason);
            child = registry.child(child.id()).orElseThrow();
            fill();
            messages.info("child.correction.saved", changed);
        } catch (BusinessException e) {
            messages.error(RegistryMessages.field("correction", e.getMessageKey()), e.getMessageKey(), e.getArguments());
        }
    }

    public void editAdult(ChildRecord.Adult adult) {
        adultId = adult.id();
        adultVersion = adult.version();
        adultFullName = adult.fullName();
        adultRelationship = adult.relationship();
        adultRun = adult.run();
        adultPhone = adult.phone();
        adultEmail = adult.email();
        adultLivesWith = adult.livesWith();
    }

    public void newAdult() {
        adultId = null;
        adultFullName = null;
        adultRelationship = null;
        adultRun = null;
        adultPhone = null;
        adultEmail = null;
        adultLivesWith = true;
    }

    public void saveAdult() {
        AdultForm form = new AdultForm(adultFullName, adultRelationship, adultRun, adultPhone, adultEmail, adultLivesWith);
        if (!validation.check(form, "adult", RegistryMessages.ADULT_ALIASES)) {
            return;
        }
        try {
            if (adultId == null) {
                registry.addAdult(child.id(), form);
            } else {
                registry.updateAdult(child.id(), adultId, adultVersion, form);
            }
            child = registry.child(child.id()).orElseThrow();
            fill();
            newAdult();
            messages.info("adult.saved");
        } catch (BusinessException e) {
            messages.error(e.getMessageKey().startsWith("child.run") ? "adult:adultRun" : null, e.getMessageKey(),
                    e.getArguments());
        }
    }



    public ChildRecord getChild() { return child; }
    public ChildFields getFields() { return fields; }
    public boolean isProfessional() { return professional; }
    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public Long getCaseId() { return caseId; }
    public void setCaseId(Long v) { caseId = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public Long getAdultId() { return adultId; }
    public String getAdultFullName() { return adultFullName; }
    public void setAdultFullName(String v) { adultFullName = v; }
    public String getAdultRelationship() { return adultRelationship; }
    public void setAdultRelationship(String v) { adultRelationship = v; }
    public String getAdultRun() { return adultRun; }
    public void setAdultRun(String v) { adultRun = v; }
    public String getAdultPhone() { return adultPhone; }
    public void setAdultPhone(String v) { adultPhone = v; }
    public String getAdultEmail() { return adultEmail; }
    public void setAdultEmail(String v) { adultEmail = v; }
    public boolean isAdultLivesWith() { return adultLivesWith; }
    public void setAdultLivesWith(boolean v) { adultLivesWith = v; }
}
