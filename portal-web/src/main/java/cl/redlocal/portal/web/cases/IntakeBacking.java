package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.cases.boundary.AccessForm;
import cl.redlocal.portal.cases.boundary.AdultForm;
import cl.redlocal.portal.cases.boundary.ChildForm;
import cl.redlocal.portal.cases.boundary.DuplicateCandidate;
import cl.redlocal.portal.cases.boundary.DuplicateQuery;
import cl.redlocal.portal.cases.boundary.FamilyForm;
import cl.redlocal.portal.cases.boundary.IntakeCommand;
import cl.redlocal.portal.cases.boundary.IntakeResult;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.cases.boundary.RiskSignalForm;
import cl.redlocal.portal.cases.entity.AccessMode;
import cl.redlocal.portal.cases.entity.AccessSource;
import cl.redlocal.portal.cases.entity.RiskKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A new intake (cases/new.xhtml): first the duplicate search and its candidates; then either the existing child
 * picked from them or the form of a new child with its family; then the access request and its risk signals.
 * Every rule is the service's: checked here first with the commands' own constraints so each message lands
 * next to its field, and what the service refuses is put next to the field it concerns.
 */
@Named
@ViewScoped
public class IntakeBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "intake";

    @Inject
    RegistryService registry;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    // the search
    private String searchRun;
    private String searchGivenNames;
    private String searchPaternalSurname;
    private String searchMaternalSurname;
    private LocalDate searchBirthDate;
    private List<DuplicateCandidate> candidates = List.of();
    private boolean searched;

    // the child: picked, or new
    private DuplicateCandidate picked;
    private boolean newChild;
    private boolean notADuplicate;
    private final ChildFields fields = new ChildFields();

    // the family
    private boolean existingFamily;
    private String familyCode;
    private String familySurname;
    private String adultFullName;
    private String adultRelationship;
    private String adultRun;
    private String adultPhone;
    private String adultEmail;
    private boolean adultLivesWith = true;

    // the access
    private AccessMode mode = AccessMode.SPONTANEOUS;
    private AccessSource source = AccessSource.FAMILY;
    private String sourceDetail;
    private LocalDate requestedOn;
    private String reason;
    private String broughtBy;
    private boolean courtOrdered;
    private List<SignalRow> signals = new ArrayList<>();

    @PostConstruct
    void init() {
        requestedOn = clock.today();
        fields.setNationality("Chilena");
    }

    public void search() {
        String run = searchRun == null || searchRun.isBlank() ? null : searchRun;
        if (run != null && !cl.redlocal.portal.cases.entity.Run.isValid(run)) {
            // said beside the field; the other criteria still find candidates, and the bad RUN goes nowhere
            messages.error(FORM + ":searchRun", "intake.search.runInvalid");
            run = null;
        }
        candidates = registry.duplicates(new DuplicateQuery(run, searchGivenNames, searchPaternalSurname,
                searchMaternalSurname, searchBirthDate));
        searched = true;
        picked = null;
        newChild = false;
    }

    public void pick(DuplicateCandidate candidate) {
        picked = candidate;
        newChild = false;
    }

    /** A new child: the form starts with what the search was given. */
    public void startNew() {
        picked = null;
        newChild = true;
        if (searchRun != null && cl.redlocal.portal.cases.entity.Run.isValid(searchRun)) {
            fields.setRun(cl.redlocal.portal.cases.entity.Run.format(
                    cl.redlocal.portal.cases.entity.Run.normalize(searchRun).orElseThrow()));
        }
        fields.setGivenNames(orKeep(searchGivenNames, fields.getGivenNames()));
        fields.setPaternalSurname(orKeep(searchPaternalSurname, fields.getPaternalSurname()));
        fields.setMaternalSurname(orKeep(searchMaternalSurname, fields.getMaternalSurname()));
        fields.setBirthDate(searchBirthDate == null ? fields.getBirthDate() : searchBirthDate);
    }

    public void changeChild() {
        picked = null;
        newChild = false;
    }

    public void addSignal() {
        signals.add(new SignalRow());
    }

    public void removeSignal(SignalRow row) {
        signals.remove(row);
    }

    public String save() {
        AccessForm access = new AccessForm(mode, source, sourceDetail, requestedOn, reason, broughtBy, courtOrdered,
                signals.stream().map(SignalRow::toForm).toList());
        boolean ok = validation.check(access, FORM, Map.of());
        ChildForm child = null;
        FamilyForm family = null;
        if (newChild) {
            child = fields.toForm();
            ok &= validation.check(child, FORM, RegistryMessages.CHILD_ALIASES);
            List<AdultForm> adults = new ArrayList<>();
            if (hasAdult()) {
                AdultForm adult = new AdultForm(adultFullName, adultRelationship, adultRun, adultPhone, adultEmail,
                        adultLivesWith);
                ok &= validation.check(adult, FORM, RegistryMessages.ADULT_ALIASES);
                adults.add(adult);
            }
            family = new FamilyForm(existingFamily ? familyCode : null, existingFamily ? null : familySurname, adults);
        } else if (picked == null) {
            messages.error(null, "access.child.required");
            return null;
        }
        if (!ok) {
            return null;
        }
        try {
            IntakeResult result = registry.intake(new IntakeCommand(picked == null ? null : picked.childId(), child,
                    family, access, notADuplicate));
            messages.info("intake.created", result.caseCode());
            return "/cases/case.xhtml?faces-redirect=true&id=" + result.caseId();
        } catch (BusinessException e) {
            String field = RegistryMessages.field(FORM, e.getMessageKey());
            if (!newChild && "intake:birthDate".equals(field)) {
                field = FORM + ":requestedOn";
            }
            messages.error(field, e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    private boolean hasAdult() {
        return notBlank(adultFullName) || notBlank(adultRelationship) || notBlank(adultRun) || notBlank(adultPhone)
                || notBlank(adultEmail);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String orKeep(String wanted, String current) {
        return notBlank(wanted) ? wanted : current;
    }

    /** A risk signal as the form edits it. */
    public static class SignalRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private RiskKind kind;
        private AlertSeverity severity = AlertSeverity.MEDIUM;
        private String description;

        RiskSignalForm toForm() {
            return new RiskSignalForm(kind, severity, description);
        }

        public RiskKind getKind() {
            return kind;
        }

        public void setKind(RiskKind kind) {
            this.kind = kind;
        }

        public AlertSeverity getSeverity() {
            return severity;
        }

        public void setSeverity(AlertSeverity severity) {
            this.severity = severity;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }


    public AccessMode[] getModes() {
        return AccessMode.values();
    }

    public AccessSource[] getSources() {
        return AccessSource.values();
    }

    public RiskKind[] getRiskKinds() {
        return RiskKind.values();
    }

    public AlertSeverity[] getSeverities() {
        return AlertSeverity.values();
    }

    public List<DuplicateCandidate> getCandidates() {
        return candidates;
    }

    public boolean isSearched() {
        return searched;
    }

    public DuplicateCandidate getPicked() {
        return picked;
    }

    public boolean isNewChild() {
        return newChild;
    }

    public boolean isFormShown() {
        return newChild || picked != null;
    }

    public List<SignalRow> getSignals() {
        return signals;
    }

    public String getSearchRun() { return searchRun; }
    public void setSearchRun(String v) { searchRun = v; }
    public String getSearchGivenNames() { return searchGivenNames; }
    public void setSearchGivenNames(String v) { searchGivenNames = v; }
    public String getSearchPaternalSurname() { return searchPaternalSurname; }
    public void setSearchPaternalSurname(String v) { searchPaternalSurname = v; }
    public String getSearchMaternalSurname() { return searchMaternalSurname; }
    public void setSearchMaternalSurname(String v) { searchMaternalSurname = v; }
    public LocalDate getSearchBirthDate() { return searchBirthDate; }
    public void setSearchBirthDate(LocalDate v) { searchBirthDate = v; }
    public ChildFields getFields() { return fields; }
    public boolean isNotADuplicate() { return notADuplicate; }
    public void setNotADuplicate(boolean v) { notADuplicate = v; }
    public boolean isExistingFamily() { return existingFamily; }
    public void setExistingFamily(boolean v) { existingFamily = v; }
    public String getFamilyCode() { return familyCode; }
    public void setFamilyCode(String v) { familyCode = v; }
    public String getFamilySurname() { return familySurname; }
    public void setFamilySurname(String v) { familySurname = v; }
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
    public AccessMode getMode() { return mode; }
    public void setMode(AccessMode v) { mode = v; }
    public AccessSource getSource() { return source; }
    public void setSource(AccessSource v) { source = v; }
    public String getSourceDetail() { return sourceDetail; }
    public void setSourceDetail(String v) { sourceDetail = v; }
    public LocalDate getRequestedOn() { return requestedOn; }
    public void setRequestedOn(LocalDate v) { requestedOn = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getBroughtBy() { return broughtBy; }
    public void setBroughtBy(String v) { broughtBy = v; }
    public boolean isCourtOrdered() { return courtOrdered; }
    public void setCourtOrdered(boolean v) { courtOrdered = v; }
}
