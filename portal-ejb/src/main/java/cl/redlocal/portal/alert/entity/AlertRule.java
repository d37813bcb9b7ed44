package cl.redlocal.portal.alert.entity;

/**
 * The automatic alert rules a comuna's coordinator switches on or off and tunes (alert_rule_setting; a
 * comuna without a row uses the default). The threshold means: RE_ENTRY re-entries within 5 years (fact_episode);
 * OVER_INTERVENTION programs at once (more than); REFERRAL_OVERDUE days past the due day; LONG_WAIT days
 * on a list; SIMULTANEOUS alerts on one child within 30 days; SUCCESSIVE months with an alert in a row;
 * PLAN_OVERDUE days an open plan action is past its due day; NO_CONTACT days since the last session with
 * a family under accompaniment (or its start);
 * ESCALATION open alerts on one case that escalate even when none is HIGH.
 */
public enum AlertRule {
    RE_ENTRY(1, AlertSeverity.MEDIUM),
    OVER_INTERVENTION(3, AlertSeverity.MEDIUM),
    REFERRAL_OVERDUE(1, AlertSeverity.MEDIUM),
    LONG_WAIT(60, AlertSeverity.MEDIUM),
    SIMULTANEOUS(3, AlertSeverity.HIGH),
    SUCCESSIVE(3, AlertSeverity.MEDIUM),
    PLAN_OVERDUE(7, AlertSeverity.MEDIUM),
    NO_CONTACT(30, AlertSeverity.MEDIUM),
    ESCALATION(3, null);

    private final int defaultThreshold;
    private final AlertSeverity severity;

    AlertRule(int defaultThreshold, AlertSeverity severity) {
        this.defaultThreshold = defaultThreshold;
        this.severity = severity;
    }

    public int defaultThreshold() {
        return defaultThreshold;
    }

    public AlertSeverity severity() {
        return severity;
    }
}
