package cl.redlocal.portal.web.privacy;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.privacy.boundary.ChildExport;
import cl.redlocal.portal.privacy.boundary.ChildRightsService;
import cl.redlocal.portal.privacy.boundary.ReasonForm;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The data-rights page of one case's child: export the whole record (JSON or PDF) with a reason, block or
 * unblock it with a reason, and read a blocked record with a legal reason. Every action states its reason
 * in the one field; the services check who may act and audit it.
 */
@Named
@ViewScoped
public class ChildRightsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ChildRightsService rights;

    @Inject
    FormValidation validation;

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long caseId;
    private boolean blocked;
    private String reason;
    private List<RecordOutline.Line> record;
    private String recordCode;
    private List<cl.redlocal.portal.privacy.boundary.AccessRow> accesses;

    public void load() {
        if (caseId != null) {
            blocked = rights.blocked(caseId);
        }
    }

    public void exportJson() throws IOException {
        ChildExport export = export();
        if (export != null) {
            Faces.sendFile(export.json().getBytes(StandardCharsets.UTF_8), messages.text("privacy.export.file") + "-"
                    + export.caseCode() + ".json", true);
        }
    }

    public void exportPdf() throws IOException {
        ChildExport export = export();
        if (export != null) {
            Faces.sendFile(new ChildRecordPdf(messages::text).write(export), messages.text("privacy.export.file") + "-"
                    + export.caseCode() + ".pdf", true);
        }
    }

    public String block() {
        ReasonForm form = form();
        if (form == null) {
            return null;
        }
        try {
            rights.block(caseId, form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("privacy.block.done");
        return "/privacy/child?faces-redirect=true&case=" + caseId;
    }

    public String unblock() {
        ReasonForm form = form();
        if (form == null) {
            return null;
        }
        try {
            rights.unblock(caseId, form);
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
        messages.info("privacy.unblock.done");
        return "/cases/case?faces-redirect=true&id=" + caseId;
    }

    /** Break-glass: the blocked record on this page, read with a legal reason. */
    public void readBlocked() {
        ReasonForm form = form();
        if (form == null) {
            return;
        }
        ChildExport read = rights.readBlocked(caseId, form).orElse(null);
        if (read == null) {
            messages.error(null, "privacy.refused");
            return;
        }
        record = RecordOutline.lines(read.json(), this::label);
        recordCode = read.caseCode();
        reason = null;
    }

    /** The access report: who read or changed the record (audited by the service). */
    public void showAccesses() {
        accesses = rights.accessReport(caseId).orElse(null);
        if (accesses == null) {
            messages.error(null, "privacy.refused");
        }
    }

    public void accessesPdf() throws IOException {
        List<cl.redlocal.portal.privacy.boundary.AccessRow> rows = rights.accessReport(caseId).orElse(null);
        if (rows == null) {
            messages.error(null, "privacy.refused");
            return;
        }
        Faces.sendFile(new AccessReportPdf(messages::text).write(rows), messages.text("privacy.accesses.file") + "-"
                + caseId + ".pdf", true);
    }

    public List<cl.redlocal.portal.privacy.boundary.AccessRow> getAccesses() {
        return accesses;
    }

    private ChildExport export() {
        ReasonForm form = form();
        if (form == null) {
            return null;
        }
        try {
            ChildExport export = rights.export(caseId, form).orElse(null);
            if (export == null) {
                messages.error(null, "privacy.refused");
            }
            return export;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    private ReasonForm form() {
        ReasonForm form = new ReasonForm(reason);
        return validation.check(form, "rightsForm", Map.of()) ? form : null;
    }

    private String label(String key) {
        String t = messages.text("privacy.record." + key);
        return t.equals("privacy.record." + key) ? key.replace('_', ' ') : t;
    }

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<RecordOutline.Line> getRecord() {
        return record;
    }

    public String getRecordCode() {
        return recordCode;
    }

    public boolean isCofacilitatorOrAdmin() {
        return faces.getExternalContext().isUserInRole("COFACILITADOR") || faces.getExternalContext().isUserInRole("ADMIN");
    }

    public boolean isReadsCases() {
        return faces.getExternalContext().isUserInRole("COFACILITADOR") || faces.getExternalContext().isUserInRole("PROFESIONAL");
    }
}
