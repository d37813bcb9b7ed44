package cl.redlocal.portal.web.diagnosis;

import cl.redlocal.portal.diagnosis.boundary.ComplementCommand;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisService;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisView;
import cl.redlocal.portal.diagnosis.boundary.DimensionView;
import cl.redlocal.portal.diagnosis.boundary.FullCommand;
import cl.redlocal.portal.diagnosis.boundary.ItemView;
import cl.redlocal.portal.diagnosis.boundary.StartInfo;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Filling or complementing the common diagnosis of a case. Before anything, the page shows the current
 * diagnosis (who, which program, when) and offers to complement it; a new full diagnosis inside the
 * renewal period asks for a reason. Every item must be scored before the diagnosis is completed: a
 * Spanish message appears beside each field that is missing, and nothing is saved.
 */
@Named
@ViewScoped
public class DiagnosisBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "diagnosis";

    @Inject
    DiagnosisService diagnoses;

    @Inject
    Caller caller;

    @Inject
    Messages messages;

    private Long caseId;
    private String mode;
    private StartInfo start;
    private DiagnosisView current;
    private List<DimensionInput> dimensions = new ArrayList<>();
    private List<ComplementInput> lines = new ArrayList<>();
    private String reason;
    private String summary;
    private String complementSummary;

    /** f:viewAction */
    public void load() {
        start = caseId == null ? null : diagnoses.start(caseId).orElse(null);
        if (start == null) {
            return;
        }
        current = start.current() == null ? null : diagnoses.find(start.current().id()).orElse(null);
        if (current == null || !"complement".equals(mode) && !"full".equals(mode)) {
            mode = current == null ? "full" : "overview";
        }
        dimensions = new ArrayList<>();
        for (DimensionView d : start.instrument().dimensions()) {
            List<ItemInput> items = new ArrayList<>();
            for (ItemView i : d.items()) {
                items.add(new ItemInput(i));
            }
            dimensions.add(new DimensionInput(d, items));
        }
        lines = new ArrayList<>();
        if (current != null) {
            for (DimensionView d : current.instrument().dimensions()) {
                lines.add(new ComplementInput(d.code(), d.name()));
            }
        }
    }

    public String complete() {
        boolean ok = true;
        Map<Long, Integer> scores = new HashMap<>();
        Map<Long, String> notes = new HashMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            List<ItemInput> items = dimensions.get(d).items;
            for (int i = 0; i < items.size(); i++) {
                ItemInput item = items.get(i);
                if (item.score == null || item.score.isBlank()) {
                    messages.error(FORM + ":dims:" + d + ":items:" + i + ":score", "diagnosis.item.required");
                    ok = false;
                } else {
                    scores.put(item.item.id(), Integer.valueOf(item.score));
                }
                notes.put(item.item.id(), item.note);
            }
        }
        if (start.reasonRequired() && (reason == null || reason.isBlank())) {
            messages.error(FORM + ":reason", "diagnosis.reason.required", start.renewalMonths());
            ok = false;
        }
        if (!ok) {
            messages.error(null, "diagnosis.incomplete");
            return null;
        }
        try {
            diagnoses.createFull(caseId, new FullCommand(start.current() == null ? null : start.current().id(),
                    start.current() == null ? null : start.current().version(), scores, notes, reason, summary));
            messages.info("diagnosis.saved");
            return "/diagnosis/diagnosis.xhtml?faces-redirect=true&case=" + caseId;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            messages.error(null, "diagnosis.invalid");
            return null;
        }
    }

    public String saveComplement() {
        List<ComplementCommand.Line> commandLines = new ArrayList<>();
        boolean ok = true;
        boolean any = complementSummary != null && !complementSummary.isBlank();
        for (int i = 0; i < lines.size(); i++) {
            ComplementInput l = lines.get(i);
            boolean hasText = l.text != null && !l.text.isBlank();
            boolean hasOther = l.note != null && !l.note.isBlank() || l.score != null && !l.score.isBlank();
            if (!hasText && hasOther) {
                messages.error(FORM + ":lines:" + i + ":text", "diagnosis.complement.text.required");
                ok = false;
            }
            any |= hasText || hasOther;
            commandLines.add(new ComplementCommand.Line(l.code, l.text,
                    l.score == null || l.score.isBlank() ? null : Integer.valueOf(l.score), l.note));
        }
        if (!any) {
            messages.error(null, "diagnosis.complement.empty");
            return null;
        }
        if (!ok) {
            return null;
        }
        try {
            diagnoses.complement(caseId, new ComplementCommand(current.id(), current.version(), complementSummary,
                    commandLines));
            messages.info("diagnosis.complement.saved");
            return "/diagnosis/diagnosis.xhtml?faces-redirect=true&case=" + caseId;
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            messages.error(null, "diagnosis.invalid");
            return null;
        }
    }

    public boolean isCanWrite() {
        return caller.profile().role() == Role.PROFESIONAL;
    }

    public Long getCaseId() { return caseId; }
    public void setCaseId(Long caseId) { this.caseId = caseId; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public StartInfo getStart() { return start; }
    public DiagnosisView getCurrent() { return current; }
    public List<DimensionInput> getDimensions() { return dimensions; }
    public List<ComplementInput> getLines() { return lines; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getComplementSummary() { return complementSummary; }
    public void setComplementSummary(String complementSummary) { this.complementSummary = complementSummary; }

    /** A dimension of the form with its items. */
    public static class DimensionInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DimensionView dimension;
        private final List<ItemInput> items;

        DimensionInput(DimensionView dimension, List<ItemInput> items) {
            this.dimension = dimension;
            this.items = items;
        }

        public DimensionView getDimension() { return dimension; }
        public List<ItemInput> getItems() { return items; }
    }

    /** An item as the form fills it: the score as text (the chosen level) and a note. */
    public static class ItemInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ItemView item;
        private String score;
        private String note;

        ItemInput(ItemView item) {
            this.item = item;
        }

        public ItemView getItem() { return item; }
        public String getScore() { return score; }
        public void setScore(String score) { this.score = score; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    /** A program's own item or note on one dimension. */
    public static class ComplementInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String name;
        private String text;
        private String score;
        private String note;

        ComplementInput(String code, String name) {
            this.code = code;
            this.name = name;
        }

        public String getCode() { return code; }
        public String getName() { return name; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getScore() { return score; }
        public void setScore(String score) { this.score = score; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }
}
