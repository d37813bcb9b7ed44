-- Issue 5, alerts and follow-up: the life cycle of vulnerability alerts (acknowledged, resolved with a
-- reason, escalated once, requested for the next table session), automatic rules per comuna, follow-up
-- entries, the exit of a program from a case with post-exit follow-ups, and the daily e-mail digest.

-- ---------------------------------------------------------------------------------------------
-- Alerts: a cause key makes raising idempotent: the same cause (a referral, a waiting entry, the
-- latest entry of a trajectory...) never raises the same kind of alert on a case twice, even after
-- it was resolved; a new cause has a new key.
ALTER TABLE vulnerability_alert
    ADD COLUMN cause_key          VARCHAR(200),
    ADD COLUMN acknowledged_by    VARCHAR(60),
    ADD COLUMN acknowledged_at    TIMESTAMPTZ,
    ADD COLUMN resolution_reason  VARCHAR(1000),
    ADD COLUMN escalated_at       TIMESTAMPTZ;
CREATE UNIQUE INDEX uq_alert_cause ON vulnerability_alert (case_id, kind, cause_key) WHERE cause_key IS NOT NULL;
CREATE INDEX ix_alert_comuna ON vulnerability_alert (comuna_id, state, raised_at DESC);

-- What the next table session (Mesa de Gestión de Casos, issue 6) must see: one request per alert.
CREATE TABLE session_agenda_request (
    id            BIGSERIAL PRIMARY KEY,
    comuna_id     BIGINT        NOT NULL REFERENCES comuna(id),
    case_id       BIGINT        NOT NULL REFERENCES case_file(id),
    alert_id      BIGINT        REFERENCES vulnerability_alert(id),
    reason        VARCHAR(1000) NOT NULL,
    requested_by  VARCHAR(60)   NOT NULL,
    requested_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    session_id    BIGINT,                                -- set by the table session that takes it up
    CONSTRAINT uq_agenda_alert UNIQUE (alert_id)
);
CREATE INDEX ix_agenda_pending ON session_agenda_request (comuna_id) WHERE session_id IS NULL;

-- The automatic rules of a comuna: a missing row means the rule's default (on, default threshold).
CREATE TABLE alert_rule_setting (
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    rule        VARCHAR(30)  NOT NULL
        CHECK (rule IN ('RE_ENTRY', 'OVER_INTERVENTION', 'REFERRAL_OVERDUE', 'LONG_WAIT', 'SIMULTANEOUS',
                        'SUCCESSIVE', 'ESCALATION')),
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    threshold   INTEGER      NOT NULL CHECK (threshold >= 1 AND threshold <= 3650),
    updated_by  VARCHAR(60),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (comuna_id, rule)
);

-- ---------------------------------------------------------------------------------------------
-- Follow-up (monitoreo y seguimiento)
ALTER TABLE case_involvement
    ADD COLUMN goals_achieved VARCHAR(10) CHECK (goals_achieved IN ('YES', 'PARTLY', 'NO')),
    ADD COLUMN exited_by      VARCHAR(60);

CREATE TABLE followup_entry (
    id           BIGSERIAL PRIMARY KEY,
    comuna_id    BIGINT        NOT NULL REFERENCES comuna(id),
    case_id      BIGINT        NOT NULL REFERENCES case_file(id),
    program_id   BIGINT        NOT NULL REFERENCES program(id),
    entry_on     DATE          NOT NULL,
    notes        VARCHAR(4000) NOT NULL,
    recorded_by  VARCHAR(60)   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX ix_followup_entry_case ON followup_entry (case_id, entry_on DESC);

-- Post-exit follow-ups (3, 6, 12, 24 months after the exit by default): due tasks of the program.
CREATE TABLE followup_task (
    id              BIGSERIAL PRIMARY KEY,
    comuna_id       BIGINT        NOT NULL REFERENCES comuna(id),
    case_id         BIGINT        NOT NULL REFERENCES case_file(id),
    program_id      BIGINT        NOT NULL REFERENCES program(id),
    involvement_id  BIGINT        NOT NULL REFERENCES case_involvement(id),
    months          INTEGER       NOT NULL CHECK (months > 0),
    due_on          DATE          NOT NULL,
    done_on         DATE,
    done_by         VARCHAR(60),
    notes           VARCHAR(4000),
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_followup_task UNIQUE (involvement_id, months),
    CONSTRAINT ck_followup_done CHECK (done_on IS NULL OR (done_by IS NOT NULL AND notes IS NOT NULL))
);
CREATE INDEX ix_followup_task_due ON followup_task (program_id, due_on) WHERE done_on IS NULL;

-- One digest per person per day, whichever node sends it.
CREATE TABLE reminder_digest (
    user_id  BIGINT      NOT NULL REFERENCES app_user(id),
    day      DATE        NOT NULL,
    sent_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    items    INTEGER     NOT NULL,
    PRIMARY KEY (user_id, day)
);
