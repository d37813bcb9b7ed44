package cl.redlocal.portal.web.diagnosis;

import cl.redlocal.portal.diagnosis.boundary.DimensionView;
import cl.redlocal.portal.diagnosis.boundary.DraftCommand;
import cl.redlocal.portal.diagnosis.boundary.InstrumentService;
import cl.redlocal.portal.diagnosis.boundary.InstrumentView;
import cl.redlocal.portal.diagnosis.boundary.ItemView;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
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
 * Configuring the comuna's diagnosis instrument: the published version reads; "edit" opens a draft (a copy
 * as the next version number) whose names, items, scales and notes are edited, then published. Diagnoses
 * already made keep the version they used.
 */
@Named
@ViewScoped
public class InstrumentBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "draft";

    @Inject
    InstrumentService instruments;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private InstrumentView published;
    private InstrumentView draft;
    private List<InstrumentView> history;
    private String name;
    private List<DimensionEdit> dimensions = new ArrayList<>();
    private Map<Long, String> newItems = new HashMap<>();
    private String newCode;
    private String newName;

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        published = instruments.published().orElse(null);
        draft = instruments.draft().orElse(null);
        history = instruments.history();
        dimensions = new ArrayList<>();
        newItems = new HashMap<>();
        if (draft != null) {
            name = draft.name();
            for (DimensionView d : draft.dimensions()) {
                dimensions.add(new DimensionEdit(d));
            }
        }
    }

    public String startDraft() {
        try {
            instruments.startDraft();
            return "/diagnosis/instrument.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    public String save() {
        if (!saveEdits()) {
            return null;
        }
        messages.info("diagnosis.instrument.saved");
        return "/diagnosis/instrument.xhtml?faces-redirect=true";
    }

    public String addItem(long dimensionId) {
        String text = newItems.get(dimensionId);
        if (text == null || text.isBlank()) {
            messages.error(null, "diagnosis.instrument.item.required");
            return null;
        }
        if (!saveEdits()) {
            return null;
        }
        return act(() -> instruments.addItem(draft.id(), draft.version(), dimensionId, text));
    }

    public String removeItem(long itemId) {
        if (!saveEdits()) {
            return null;
        }
        return act(() -> instruments.removeItem(draft.id(), draft.version(), itemId));
    }

    public String addDimension() {
        if (!saveEdits()) {
            return null;
        }
        return act(() -> instruments.addDimension(draft.id(), draft.version(), newCode, newName));
    }

    public String publish() {
        if (!saveEdits()) {
            return null;
        }
        String outcome = act(() -> instruments.publish(draft.id(), draft.version()));
        if (outcome != null) {
            messages.info("diagnosis.instrument.published");
        }
        return outcome;
    }

    private String act(Runnable action) {
        try {
            action.run();
            return "/diagnosis/instrument.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        }
    }

    /** Saves the form's edits of the draft; afterwards {@link #draft} holds the new version. */
    private boolean saveEdits() {
        List<DraftCommand.DimensionEdit> dims = new ArrayList<>();
        List<DraftCommand.ItemEdit> items = new ArrayList<>();
        for (DimensionEdit d : dimensions) {
            dims.add(new DraftCommand.DimensionEdit(d.id, d.name, d.position));
            for (ItemEdit i : d.items) {
                items.add(new DraftCommand.ItemEdit(i.id, i.position, i.text, i.scaleMin, i.scaleMax, i.labels, i.note));
            }
        }
        DraftCommand command = new DraftCommand(draft.id(), draft.version(), name, dims, items);
        if (!validation.check(command, FORM, Map.of())) {
            return false;
        }
        try {
            instruments.saveDraft(command);
            draft = instruments.draft().orElseThrow();
            return true;
        } catch (BusinessException e) {
            messages.error(e);
            return false;
        } catch (EJBException e) {
            messages.error(null, "diagnosis.invalid");
            return false;
        }
    }

    public InstrumentView getPublished() { return published; }
    public InstrumentView getDraft() { return draft; }
    public List<InstrumentView> getHistory() { return history; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<DimensionEdit> getDimensions() { return dimensions; }
    public Map<Long, String> getNewItems() { return newItems; }
    public String getNewCode() { return newCode; }
    public void setNewCode(String newCode) { this.newCode = newCode; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }

    public static class DimensionEdit implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String code;
        private String name;
        private int position;
        private final List<ItemEdit> items = new ArrayList<>();

        DimensionEdit(DimensionView d) {
            id = d.id();
            code = d.code();
            name = d.name();
            position = d.position();
            for (ItemView i : d.items()) {
                items.add(new ItemEdit(i));
            }
        }

        public long getId() { return id; }
        public String getCode() { return code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public int getPosition() { return position; }
        public void setPosition(int position) { this.position = position; }
        public List<ItemEdit> getItems() { return items; }
    }

    public static class ItemEdit implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long id;
        private int position;
        private String text;
        private int scaleMin;
        private int scaleMax;
        private String labels;
        private String note;

        ItemEdit(ItemView i) {
            id = i.id();
            position = i.position();
            text = i.text();
            scaleMin = i.scaleMin();
            scaleMax = i.scaleMax();
            labels = i.labelsText();
            note = i.note();
        }

        public long getId() { return id; }
        public int getPosition() { return position; }
        public void setPosition(int position) { this.position = position; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public int getScaleMin() { return scaleMin; }
        public void setScaleMin(int scaleMin) { this.scaleMin = scaleMin; }
        public int getScaleMax() { return scaleMax; }
        public void setScaleMax(int scaleMax) { this.scaleMax = scaleMax; }
        public String getLabels() { return labels; }
        public void setLabels(String labels) { this.labels = labels; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }
}
