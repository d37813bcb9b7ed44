package cl.redlocal.portal.web.mgc.network;

import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.mgc.network.boundary.ProtocolDocumentFile;
import cl.redlocal.portal.mgc.network.boundary.ProtocolForm;
import cl.redlocal.portal.mgc.network.boundary.ProtocolService;
import cl.redlocal.portal.mgc.network.boundary.ProtocolVersionView;
import cl.redlocal.portal.mgc.network.boundary.ProtocolView;
import cl.redlocal.portal.mgc.network.boundary.StepForm;
import cl.redlocal.portal.mgc.network.boundary.StepLine;
import cl.redlocal.portal.mgc.network.entity.DeadlineUnit;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One protocol (?id=; without it a co-facilitator drafts a new one; &amp;v=N shows version N as it was): its
 * content, steps, bindings, document and versions; for co-facilitators of its comuna the form (a draft is
 * rewritten, an approved protocol revised with a reason), the agenda it goes on, and its approval in that
 * session; for the territorial manager the copy into another comuna. Every action redirects to the page.
 */
@Named
@ViewScoped
public class ProtocolBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProtocolService protocols;

    @Inject
    AccountService account;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    private Long id;
    private Integer versionNumber;
    private ProtocolView view;
    private ProtocolVersionView oldVersion;
    private boolean notFound;
    private boolean creating;

    private String title;
    private String purpose;
    private String contacts;
    private LocalDate reviewOn;
    private final List<StepRow> steps = new ArrayList<>();
    private List<Long> programIds = new ArrayList<>();
    private List<Long> actorIds = new ArrayList<>();
    private String reason;
    private Long agendaSessionId;
    private Long targetComunaId;
    private transient UploadedFile file;

    private List<Choice> programChoices = List.of();
    private List<Choice> actorChoices = List.of();
    private List<SessionRef> sessionChoices = List.of();
    private List<Choice> comunaChoices = List.of();

    /** A step row as typed in the form. */
    public static class StepRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String responsible;
        private String action;
        private Integer deadline;
        private DeadlineUnit unit = DeadlineUnit.DAYS;

        public String getResponsible() { return responsible; }
        public void setResponsible(String responsible) { this.responsible = responsible; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public Integer getDeadline() { return deadline; }
        public void setDeadline(Integer deadline) { this.deadline = deadline; }
        public DeadlineUnit getUnit() { return unit; }
        public void setUnit(DeadlineUnit unit) { this.unit = unit; }
    }

    /** f:viewAction */
    public void load() {
        var me = account.me();
        if (id == null) {
            creating = me.role() == Role.COFACILITADOR;
            notFound = !creating;
            if (creating) {
                steps.add(new StepRow());
                choices(me.comunaId());
            }
            return;
        }
        view = protocols.find(id).orElse(null);
        notFound = view == null;
        if (view == null) {
            return;
        }
        if (versionNumber != null) {
            oldVersion = protocols.version(id, versionNumber).orElse(null);
        }
        if (view.editable()) {
            title = view.title();
            purpose = view.purpose();
            contacts = view.contacts();
            reviewOn = view.reviewOn();
            for (StepLine s : view.steps()) {
                StepRow row = new StepRow();
                row.setResponsible(s.responsible());
                row.setAction(s.action());
                row.setDeadline(s.deadline());
                row.setUnit(DeadlineUnit.valueOf(s.unit()));
                steps.add(row);
            }
            programIds = new ArrayList<>(view.programs().stream().map(Choice::id).toList());
            actorIds = new ArrayList<>(view.actors().stream().map(Choice::id).toList());
            agendaSessionId = view.agendaSessionId();
            choices(view.comunaId());
            sessionChoices = protocols.openSessions();
        }
        if (view.copyable()) {
            comunaChoices = protocols.copyTargets(view.comunaId());
        }
    }

    private void choices(long comunaId) {
        programChoices = protocols.programChoices(comunaId);
        actorChoices = protocols.actorChoices(comunaId);
    }

    public void addStep() {
        steps.add(new StepRow());
    }

    public void removeStep(int index) {
        if (steps.size() > 1 && index >= 0 && index < steps.size()) {
            steps.remove(index);
        }
    }

    public String save() {
        ProtocolForm form = new ProtocolForm(title, purpose, contacts, reviewOn, steps.stream()
                .map(s -> new StepForm(s.getResponsible(), s.getAction(), s.getDeadline(), s.getUnit())).toList(),
                programIds, actorIds);
        boolean valid = validation.check(form, "protocolForm", Map.of());
        boolean revising = view != null && !view.draft();
        if (revising && (reason == null || reason.isBlank())) {
            messages.error("protocolForm:reason", "net.protocol.reason.required");
            valid = false;
        }
        if (!valid) {
            return null;
        }
        try {
            long target;
            if (view == null) {
                target = protocols.draft(form);
                messages.info("net.protocol.drafted");
            } else if (revising) {
                int number = protocols.revise(view.id(), view.version(), form, reason);
                messages.info("net.protocol.revised", number);
                target = view.id();
            } else {
                protocols.redraft(view.id(), view.version(), form);
                messages.info("net.protocol.saved");
                target = view.id();
            }
            return "/mgc/network/protocol?faces-redirect=true&id=" + target;
        } catch (BusinessException e) {
            messages.error(e, Map.of("net.protocol.reviewOn.past", "protocolForm:reviewOn",
                    "net.protocol.reason.required", "protocolForm:reason",
                    "net.protocol.binding.foreign", "protocolForm:programIds"));
            return null;
        }
    }

    public String putOnAgenda() {
        return act(() -> {
            protocols.putOnAgenda(view.id(), view.version(), agendaSessionId);
            messages.info(agendaSessionId == null ? "net.protocol.offAgenda" : "net.protocol.onAgenda");
        }, "agendaForm:agendaSessionId");
    }

    public String approve() {
        return act(() -> {
            protocols.approve(view.id(), view.version(), view.agendaSessionId());
            messages.info("net.protocol.approved");
        }, "agendaForm:approve");
    }

    public String upload() {
        if (file == null || file.getSize() == 0) {
            messages.error("documentForm:file", "net.protocol.document.pdf");
            return null;
        }
        return act(() -> {
            protocols.upload(view.id(), file.getFileName(), file.getContent());
            messages.info("net.protocol.document.saved");
        }, "documentForm:file");
    }

    public String copy() {
        if (targetComunaId == null) {
            messages.error("copyForm:targetComunaId", "net.protocol.copy.target");
            return null;
        }
        try {
            long copy = protocols.copy(view.id(), targetComunaId);
            messages.info("net.protocol.copied");
            return "/mgc/network/protocol?faces-redirect=true&id=" + copy;
        } catch (BusinessException e) {
            messages.error("copyForm:targetComunaId", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    /** Streams the document (a read, audited by the service). */
    public void download() throws IOException {
        ProtocolDocumentFile document = protocols.document(id).orElse(null);
        if (document == null) {
            messages.error(null, "net.protocol.document.none");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(document.contentType());
        external.setResponseContentLength(document.content().length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\""
                + document.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        external.getResponseOutputStream().write(document.content());
        faces.responseComplete();
    }

    private String act(Runnable action, String field) {
        try {
            action.run();
            return "/mgc/network/protocol?faces-redirect=true&id=" + view.id();
        } catch (BusinessException e) {
            messages.error(field, e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public DeadlineUnit[] getUnits() { return DeadlineUnit.values(); }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Integer getVersionNumber() { return versionNumber; }
    public void setVersionNumber(Integer versionNumber) { this.versionNumber = versionNumber; }
    public ProtocolView getView() { return view; }
    public ProtocolVersionView getOldVersion() { return oldVersion; }
    public boolean isNotFound() { return notFound; }
    public boolean isCreating() { return creating; }
    public boolean isEditing() { return creating || (view != null && view.editable()); }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getContacts() { return contacts; }
    public void setContacts(String contacts) { this.contacts = contacts; }
    public LocalDate getReviewOn() { return reviewOn; }
    public void setReviewOn(LocalDate reviewOn) { this.reviewOn = reviewOn; }
    public List<StepRow> getSteps() { return steps; }
    public List<Long> getProgramIds() { return programIds; }
    public void setProgramIds(List<Long> programIds) { this.programIds = programIds; }
    public List<Long> getActorIds() { return actorIds; }
    public void setActorIds(List<Long> actorIds) { this.actorIds = actorIds; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getAgendaSessionId() { return agendaSessionId; }
    public void setAgendaSessionId(Long agendaSessionId) { this.agendaSessionId = agendaSessionId; }
    public Long getTargetComunaId() { return targetComunaId; }
    public void setTargetComunaId(Long targetComunaId) { this.targetComunaId = targetComunaId; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
    public List<Choice> getProgramChoices() { return programChoices; }
    public List<Choice> getActorChoices() { return actorChoices; }
    public List<SessionRef> getSessionChoices() { return sessionChoices; }
    public List<Choice> getComunaChoices() { return comunaChoices; }
}
