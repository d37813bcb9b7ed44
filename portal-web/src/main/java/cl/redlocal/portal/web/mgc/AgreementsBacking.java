package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.minutes.boundary.AgreementFilter;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementNote;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementRow;
import cl.redlocal.portal.mgc.minutes.boundary.AgreementService;
import cl.redlocal.portal.mgc.minutes.boundary.StatusChange;
import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The agreements of the table (/mgc/agreements.xhtml): filters applied in SQL (status including overdue,
 * institution, due range, session, case code), a lazy table, CSV/XLSX exports (audited), and the
 * follow-up of one agreement (status and note) for whoever may update it.
 */
@Named
@ViewScoped
public class AgreementsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AgreementService agreements;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    private final AgreementFilter filter = new AgreementFilter();
    private PagedModel<AgreementRow> model;

    /** The session during which follow-ups are recorded (a link from that session's minutes). */
    private Long during;
    private AgreementRow selected;
    private List<AgreementNote> notes = List.of();
    private AgreementStatus newStatus;
    private String note;

    @PostConstruct
    void init() {
        AgreementService service = agreements;
        AgreementFilter f = filter;
        model = new PagedModel<>(() -> service.count(f), page -> service.list(f, page), AgreementRow::id);
    }

    /** The session param of a link from the minutes. */
    public void setSession(Long session) {
        filter.setSessionId(session);
    }

    public Long getSession() {
        return filter.getSessionId();
    }

    public void clear() {
        filter.setStatus(null);
        filter.setInstitution(null);
        filter.setDueFrom(null);
        filter.setDueTo(null);
        filter.setSessionId(null);
        filter.setCaseCode(null);
    }

    public void exported(String format) {
        agreements.exported(format);
    }

    public void select(AgreementRow row) {
        selected = row;
        newStatus = row.status();
        note = null;
        try {
            notes = agreements.notes(row.id());
        } catch (BusinessException e) {
            messages.error(e);
            selected = null;
        }
    }

    public void saveStatus() {
        StatusChange change = new StatusChange(newStatus, note, during);
        if (!validation.check(change, "agreements", Map.of("storedStatus", "newStatus", "status", "newStatus"))) {
            return;
        }
        try {
            agreements.changeStatus(selected.id(), selected.version(), change);
        } catch (BusinessException e) {
            messages.error(e);
            return;
        }
        messages.info("mgc.agreement.statusSaved");
        selected = null;
    }

    public List<AgreementStatus> getStatuses() {
        return List.of(AgreementStatus.values());
    }

    public List<AgreementStatus> getStoredStatuses() {
        return List.of(AgreementStatus.PENDING, AgreementStatus.IN_PROGRESS, AgreementStatus.DONE, AgreementStatus.CANCELLED);
    }

    public Long getDuring() { return during; }
    public void setDuring(Long during) { this.during = during; }
    public AgreementFilter getFilter() { return filter; }
    public PagedModel<AgreementRow> getModel() { return model; }
    public AgreementRow getSelected() { return selected; }
    public List<AgreementNote> getNotes() { return notes; }
    public AgreementStatus getNewStatus() { return newStatus; }
    public void setNewStatus(AgreementStatus newStatus) { this.newStatus = newStatus; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
