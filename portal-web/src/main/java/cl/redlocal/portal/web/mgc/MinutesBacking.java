package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.minutes.boundary.AgreementForm;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementService;
import cl.redlocal.portal.mgc.minutes.boundary.GuestForm;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesContent;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesEdit;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesService;
import cl.redlocal.portal.mgc.minutes.boundary.MinutesView;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The minutes page (/mgc/minutes.xhtml?session=ID, with &version=N a version read-only; without a session,
 * the index of sessions): attendance, notes, discussions and decisions sent as the changes made since the
 * page was loaded (so two co-facilitators on different items both keep their work), agreements in place,
 * closing, approving the previous minutes, correcting approved ones, the PDF and the mail to the members.
 */
@Named
@ViewScoped
public class MinutesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MinutesService minutes;

    @Inject
    AgreementService agreements;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    @Inject
    cl.redlocal.portal.mgc.network.boundary.ProtocolService protocols;

    private Long sessionId;
    private Integer versionNumber;
    private MinutesView view;
    private MinutesService.VersionView version;
    private List<MinutesService.SessionLine> sessions;

    private final Map<Long, String> attendance = new HashMap<>();
    private final Map<Long, String> notes = new HashMap<>();
    private final Map<Long, String> discussions = new HashMap<>();
    private String decisions;

    private String guestName;
    private String guestInstitution;
    private String guestEmail;

    private String corrections;
    private boolean correcting;
    private String correctionReason;

    private String where = "";
    private Long editingId;
    private int editingVersion;
    private String description;
    private String responsibleInstitution;
    private String responsibleName;
    private String responsibleEmail;
    private LocalDate dueOn;
    private List<Long> caseIds = new ArrayList<>();
    private Long responsibleUserId;
    private Long responsibleProgramId;
    private AgreementService.Responsibles responsibles;
    private List<AgreementService.ReferralOption> referrals = List.of();
    private List<Long> referralIds = new ArrayList<>();

    public void load() {
        if (sessionId == null) {
            sessions = minutes.sessions(200);
            return;
        }
        view = minutes.minutes(sessionId).orElse(null);
        if (view != null && view.editable()) {
            responsibles = agreements.responsibles();
            referrals = agreements.referralOptions(sessionId);
        }
        if (view != null && versionNumber != null) {
            version = minutes.version(sessionId, versionNumber).orElse(null);
        }
        fill();
    }

    private void fill() {
        attendance.clear();
        notes.clear();
        discussions.clear();
        if (view == null) {
            return;
        }
        view.content().attendance().forEach(a -> attendance.put(a.id(), a.attendance()));
        view.content().items().forEach(i -> notes.put(i.id(), i.notes()));
        view.content().cases().forEach(c -> discussions.put(c.id(), c.discussion()));
        decisions = view.content().decisions();
    }

    /** What changed since the page was loaded, each with the version it was loaded at. */
    private MinutesEdit changes() {
        MinutesEdit edit = MinutesEdit.none(view.minutesVersion());
        for (MinutesContent.Attendee a : view.content().attendance()) {
            String now = blank(attendance.get(a.id()));
            if (now != null && !Objects.equals(now, a.attendance())) {
                edit = edit.withAttendance(a.id(), a.version(), now);
            }
        }
        for (MinutesContent.Item i : view.content().items()) {
            if (!Objects.equals(blank(notes.get(i.id())), blank(i.notes()))) {
                edit = edit.withNote(i.id(), i.version(), notes.get(i.id()));
            }
        }
        for (MinutesContent.CaseItem c : view.content().cases()) {
            if (!c.reserved() && !Objects.equals(blank(discussions.get(c.id())), blank(c.discussion()))) {
                edit = edit.withDiscussion(c.id(), c.version(), discussions.get(c.id()));
            }
        }
        if (!Objects.equals(blank(decisions), blank(view.content().decisions()))) {
            edit = edit.withDecisions(decisions == null ? "" : decisions);
        }
        return edit;
    }

    public String save() {
        MinutesEdit edit = changes();
        if (!validation.check(edit, "minutesForm", Map.of())) {
            return null;
        }
        try {
            if (!edit.isEmpty()) {
                minutes.save(sessionId, edit);
            }
        } catch (BusinessException e) {
            // the person's typed text stays on the page: nothing of theirs is lost, nothing of the other's overwritten
            messages.error(e);
            return null;
        }
        messages.info("mgc.minutes.saved");
        return reload();
    }

    public String saveCorrection() {
        if (correctionReason == null || correctionReason.isBlank()) {
            messages.error("minutesForm:correctionReason", "mgc.minutes.correction.reason.required");
            return null;
        }
        MinutesEdit edit = changes();
        try {
            int number = minutes.correct(sessionId, correctionReason, edit);
            messages.info("mgc.minutes.corrected", number);
        } catch (jakarta.ejb.EJBException e) {
            messages.error("minutesForm:correctionReason", "mgc.minutes.correction.reason.required");
            return null;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        return reload();
    }

    public void startCorrection() {
        correcting = true;
    }

    public String cancelCorrection() {
        return reload();
    }

    public String addGuest() {
        GuestForm form = new GuestForm(guestName, guestInstitution, guestEmail);
        if (!validation.check(form, "guestForm", Map.of("name", "guestName", "institution", "guestInstitution",
                "email", "guestEmail"))) {
            return null;
        }
        try {
            minutes.addGuest(sessionId, form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("mgc.minutes.guest.added");
        return reload();
    }

    public String close() {
        try {
            minutes.closeSession(sessionId, view.sessionVersion());
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("mgc.minutes.closed");
        return reload();
    }

    public String approvePrevious() {
        MinutesView.Previous previous = view.previous();
        try {
            minutes.approve(previous.sessionId(), sessionId, previous.minutesVersion(), corrections);
        } catch (jakarta.ejb.EJBException e) {
            messages.error("approveForm:corrections", "mgc.minutes.corrections.size");
            return null;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("mgc.minutes.approved");
        return reload();
    }

    public String addAgreement() {
        Long agendaItem = where != null && where.startsWith("A:") ? Long.valueOf(where.substring(2)) : null;
        Long caseItem = where != null && where.startsWith("C:") ? Long.valueOf(where.substring(2)) : null;
        AgreementForm form = new AgreementForm(agendaItem, caseItem, description, responsibleInstitution,
                responsibleName, responsibleEmail, responsibleUserId, responsibleProgramId, dueOn,
                List.copyOf(caseIds), List.copyOf(referralIds));
        if (!validation.check(form, "agreementForm", Map.of())) {
            return null;
        }
        try {
            if (editingId == null) {
                agreements.create(sessionId, form);
            } else {
                agreements.update(editingId, editingVersion, form);
            }
        } catch (BusinessException e) {
            messages.error(e, java.util.Map.of("mgc.agreement.dueOn.beforeSession", "agreementForm:dueOn"));
            return null;
        }
        messages.info(editingId == null ? "mgc.agreement.added" : "mgc.agreement.updated");
        return reload();
    }

    /** Loads an agreement of these (draft) minutes into the form to correct it. */
    public void editAgreement(long agreementId) {
        agreements.editable(agreementId).ifPresentOrElse(e -> {
            AgreementForm f = e.form();
            editingId = e.id();
            editingVersion = e.version();
            where = f.agendaItemId() == null ? "" : "A:" + f.agendaItemId();
            description = f.description();
            responsibleInstitution = f.responsibleInstitution();
            responsibleName = f.responsibleName();
            responsibleEmail = f.responsibleEmail();
            responsibleUserId = f.responsibleUserId();
            responsibleProgramId = f.responsibleProgramId();
            dueOn = f.dueOn();
            caseIds = new ArrayList<>(f.caseIds());
            referralIds = new ArrayList<>(f.referralIds());
        }, () -> messages.error(null, "mgc.agreement.notFound"));
    }

    public Long getEditingId() {
        return editingId;
    }

    /** The titles of the protocols this session approved, for the PDF. */
    private List<String> approvedProtocols() {
        return protocols.ofSession(sessionId).approved().stream()
                .map(cl.redlocal.portal.mgc.network.boundary.Choice::label).toList();
    }

    public void downloadPdf() throws IOException {
        MinutesView exported = minutes.export(sessionId, "PDF").orElse(null);
        if (exported == null) {
            messages.error(null, "mgc.minutes.notFound");
            return;
        }
        byte[] pdf = new MinutesPdf(key -> messages.text(key)).write(exported, approvedProtocols());
        Faces.sendFile(pdf, fileName(exported), true);
    }

    public String mail() {
        MinutesView exported = minutes.export(sessionId, "PDF").orElse(null);
        if (exported == null) {
            messages.error(null, "mgc.minutes.notFound");
            return null;
        }
        try {
            int sent = minutes.mail(sessionId, new MinutesPdf(key -> messages.text(key)).write(exported, approvedProtocols()),
                    fileName(exported));
            messages.info("mgc.minutes.mailed", sent);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        return reload();
    }

    private String fileName(MinutesView v) {
        return messages.text("mgc.minutes.pdf.file") + "-" + v.day() + ".pdf";
    }

    private String reload() {
        return "/mgc/minutes?faces-redirect=true&session=" + sessionId;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isWritable() {
        return view != null && (view.editable() || correcting);
    }

    public List<String> getAttendanceValues() {
        return List.of("PRESENT", "ABSENT", "EXCUSED");
    }

    public Long getSessionId() { return sessionId; }
    public void setSessionId(Long sessionId) { this.sessionId = sessionId; }
    public Integer getVersionNumber() { return versionNumber; }
    public void setVersionNumber(Integer versionNumber) { this.versionNumber = versionNumber; }
    public MinutesView getView() { return view; }
    public MinutesService.VersionView getVersion() { return version; }
    public List<MinutesService.SessionLine> getSessions() { return sessions; }
    public Map<Long, String> getAttendance() { return attendance; }
    public Map<Long, String> getNotes() { return notes; }
    public Map<Long, String> getDiscussions() { return discussions; }
    public String getDecisions() { return decisions; }
    public void setDecisions(String decisions) { this.decisions = decisions; }
    public String getGuestName() { return guestName; }
    public void setGuestName(String guestName) { this.guestName = guestName; }
    public String getGuestInstitution() { return guestInstitution; }
    public void setGuestInstitution(String guestInstitution) { this.guestInstitution = guestInstitution; }
    public String getGuestEmail() { return guestEmail; }
    public void setGuestEmail(String guestEmail) { this.guestEmail = guestEmail; }
    public String getCorrections() { return corrections; }
    public void setCorrections(String corrections) { this.corrections = corrections; }
    public boolean isCorrecting() { return correcting; }
    public String getCorrectionReason() { return correctionReason; }
    public void setCorrectionReason(String correctionReason) { this.correctionReason = correctionReason; }
    public String getWhere() { return where; }
    public void setWhere(String where) { this.where = where; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getResponsibleInstitution() { return responsibleInstitution; }
    public void setResponsibleInstitution(String v) { this.responsibleInstitution = v; }
    public String getResponsibleName() { return responsibleName; }
    public void setResponsibleName(String v) { this.responsibleName = v; }
    public String getResponsibleEmail() { return responsibleEmail; }
    public void setResponsibleEmail(String v) { this.responsibleEmail = v; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
    public Long getResponsibleUserId() { return responsibleUserId; }
    public void setResponsibleUserId(Long v) { this.responsibleUserId = v; }
    public Long getResponsibleProgramId() { return responsibleProgramId; }
    public void setResponsibleProgramId(Long v) { this.responsibleProgramId = v; }
    public AgreementService.Responsibles getResponsibles() { return responsibles; }
    public List<AgreementService.ReferralOption> getReferrals() { return referrals; }
    // Long lists with an explicit f:converter: a List<String> here had received Longs (Faces converts a
    // selectMany's values by its items' type) and failed with a ClassCastException on every ticked box
    public List<Long> getReferralIds() { return referralIds; }
    public void setReferralIds(List<Long> v) { this.referralIds = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public List<Long> getCaseIds() { return caseIds; }
    public void setCaseIds(List<Long> caseIds) { this.caseIds = caseIds == null ? new ArrayList<>() : new ArrayList<>(caseIds); }
}
