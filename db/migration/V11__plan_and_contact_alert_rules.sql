-- Two alert rules that read the plan and the family accompaniment: plan actions overdue, and no contact
-- with a family under accompaniment for N days.
ALTER TABLE alert_rule_setting DROP CONSTRAINT alert_rule_setting_rule_check;
ALTER TABLE alert_rule_setting ADD CONSTRAINT alert_rule_setting_rule_check
    CHECK (rule IN ('RE_ENTRY', 'OVER_INTERVENTION', 'REFERRAL_OVERDUE', 'LONG_WAIT', 'SIMULTANEOUS',
                    'SUCCESSIVE', 'ESCALATION', 'PLAN_OVERDUE', 'NO_CONTACT'));
