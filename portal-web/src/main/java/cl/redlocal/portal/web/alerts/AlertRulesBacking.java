package cl.redlocal.portal.web.alerts;

import cl.redlocal.portal.alert.boundary.AlertService;
import cl.redlocal.portal.alert.boundary.RuleSetting;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The coordinator switches the comuna's alert rules on or off and tunes their thresholds. */
@Named
@ViewScoped
public class AlertRulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AlertService alerts;

    @Inject
    Messages messages;

    @Inject
    cl.redlocal.portal.alert.boundary.AlertRules rules;

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    private List<Line> lines;

    /** An editable line of the form. */
    public static class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private final RuleSetting setting;
        private boolean enabled;
        private Integer threshold;

        Line(RuleSetting setting) {
            this.setting = setting;
            this.enabled = setting.enabled();
            this.threshold = setting.threshold();
        }

        public RuleSetting getSetting() {
            return setting;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getThreshold() {
            return threshold;
        }

        public void setThreshold(Integer threshold) {
            this.threshold = threshold;
        }
    }

    public List<Line> getLines() {
        if (lines == null) {
            lines = new ArrayList<>(alerts.settings().stream().map(Line::new).toList());
        }
        return lines;
    }

    /** Runs every rule of the comuna now, instead of waiting for the hourly run (audited by the service). */
    public void runNow() {
        cl.redlocal.portal.alert.boundary.AlertRules.RunResult result = rules.run(clock.today());
        messages.info("alerts.rules.ran", result.raised().size(), result.resolved().size(), result.escalated().size());
    }

    public void save() {
        try {
            for (Line line : lines) {
                if (line.enabled != line.setting.enabled() || line.threshold == null
                        || line.threshold != line.setting.threshold()) {
                    alerts.configure(line.setting.rule(), line.enabled, line.threshold == null ? 0 : line.threshold,
                            line.setting.version());
                }
            }
            messages.info("alerts.rules.saved");
            lines = null;
        } catch (BusinessException e) {
            messages.error(e);
        }
    }
}
