package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.AdultForm;
import cl.redlocal.portal.cases.boundary.ChildForm;
import cl.redlocal.portal.cases.boundary.ChildRecord;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.cases.entity.Sex;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;

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
    private boolean noRun;
    private String run;
    private String noRunReason;
    private String otherIdentifier;
    private String givenNames;
    private String paternalSurname;
    private String maternalSurname;
    private String socialName;
    private LocalDate birthDate;
    private Sex sex;
    private String gender;
    private String nationality;
    private String address;
    private String sector;
    private String school;
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
        noRun = child.run() == null;
        run = child.run();
        noRunReason = child.noRunReason();
        otherIdentifier = child.otherIdentifier();
        givenNames = child.givenNames();
        paternalSurname = child.paternalSurname();
        maternalSurname = child.maternalSurname();
        socialName = child.socialName();
        birthDate = child.birthDate();
        sex = child.sex();
        gender = child.gender();
        nationality = child.nationality();
        address = child.address();
        sector = child.sector();
        school = child.school();
        reason = null;
    }

    public void correct() {
        ChildForm form = new ChildForm(noRun, run, noRunReason, otherIdentifier, givenNames, paternalSurname,
                maternalSurname, socialName, birthDate, sex, gender, nationality, address, sector, school);
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


    public Sex[] getSexes() {
        return Sex.values();
    }

    public ChildRecord getChild() { return child; }
    public boolean isProfessional() { return professional; }
    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public Long getCaseId() { return caseId; }
    public void setCaseId(Long v) { caseId = v; }
    public boolean isNoRun() { return noRun; }
    public void setNoRun(boolean v) { noRun = v; }
    public String getRun() { return run; }
    public void setRun(String v) { run = v; }
    public String getNoRunReason() { return noRunReason; }
    public void setNoRunReason(String v) { noRunReason = v; }
    public String getOtherIdentifier() { return otherIdentifier; }
    public void setOtherIdentifier(String v) { otherIdentifier = v; }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String v) { givenNames = v; }
    public String getPaternalSurname() { return paternalSurname; }
    public void setPaternalSurname(String v) { paternalSurname = v; }
    public String getMaternalSurname() { return maternalSurname; }
    public void setMaternalSurname(String v) { maternalSurname = v; }
    public String getSocialName() { return socialName; }
    public void setSocialName(String v) { socialName = v; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate v) { birthDate = v; }
    public Sex getSex() { return sex; }
    public void setSex(Sex v) { sex = v; }
    public String getGender() { return gender; }
    public void setGender(String v) { gender = v; }
    public String getNationality() { return nationality; }
    public void setNationality(String v) { nationality = v; }
    public String getAddress() { return address; }
    public void setAddress(String v) { address = v; }
    public String getSector() { return sector; }
    public void setSector(String v) { sector = v; }
    public String getSchool() { return school; }
    public void setSchool(String v) { school = v; }
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
