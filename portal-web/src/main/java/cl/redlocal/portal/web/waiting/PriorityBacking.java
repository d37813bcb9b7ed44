package cl.redlocal.portal.web.waiting;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.waiting.boundary.PriorityService;
import cl.redlocal.portal.waiting.boundary.WeightChange;
import cl.redlocal.portal.waiting.boundary.WeightRow;
import cl.redlocal.portal.waiting.boundary.WeightsForm;
import cl.redlocal.portal.waiting.entity.PriorityCriterion;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The criteria of the unified priority, what each value means, and their weights: the coordinator edits
 * them, everyone else reads them. A weight is typed as text (so "12,5" and "12.5" both work and anything
 * else gets a message next to it); the range is checked by the service's own rules.
 */
@Named
@ViewScoped
public class PriorityBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PriorityService priority;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private boolean editable;
    private List<WeightInput> weights;

    @PostConstruct
    void init() {
        editable = priority.editable();
        weights = new ArrayList<>(priority.weights().stream().map(WeightInput::of).toList());
    }

    public String save() {
        List<WeightChange> changes = new ArrayList<>();
        boolean numbers = true;
        for (int i = 0; i < weights.size(); i++) {
            WeightInput w = weights.get(i);
            BigDecimal value = w.parsed();
            if (value == null && w.text != null && !w.text.isBlank()) {
                messages.error("priority:weights:" + i + ":weight", "priority.weight.number");
                numbers = false;
            }
            changes.add(new WeightChange(w.criterion, value, w.version));
        }
        if (!numbers) {
            return null;
        }
        WeightsForm form = new WeightsForm(changes);
        if (!validation.check(form, "priority", Map.of())) {
            return null;
        }
        try {
            priority.update(form);
            messages.info("priority.saved");
            return "/waiting/priority.xhtml?faces-redirect=true";
        } catch (BusinessException e) {
            messages.error(e);
            return null;
        } catch (EJBException e) {
            if (e.getCause() instanceof ConstraintViolationException) {
                return null;
            }
            throw e;
        }
    }

    public boolean isEditable() {
        return editable;
    }

    public List<WeightInput> getWeights() {
        return weights;
    }

    /** A weight as the form edits it. */
    public static class WeightInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private PriorityCriterion criterion;
        private String text;
        private int version;
        private String updatedBy;
        private Instant updatedAt;

        static WeightInput of(WeightRow row) {
            WeightInput w = new WeightInput();
            w.criterion = row.criterion();
            w.text = cl.redlocal.portal.web.platform.Numbers.plainText(row.weight());
            w.version = row.version();
            w.updatedBy = row.updatedBy();
            w.updatedAt = row.updatedAt();
            return w;
        }

        BigDecimal parsed() {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public PriorityCriterion getCriterion() {
            return criterion;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getUpdatedBy() {
            return updatedBy;
        }

        public Instant getUpdatedAt() {
            return updatedAt;
        }
    }
}
