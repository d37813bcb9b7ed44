-- Retention of closed cases and the register of security incidents (Ley 21.719 arts. 14 quinquies, 14 sexies).

-- How many years a comuna keeps a child's record after the child's last case closed; then the scheduled
-- review proposes its anonymisation to the administrator. No row: portal.privacy.retention-years.
CREATE TABLE privacy_retention (
    comuna_id   BIGINT       PRIMARY KEY REFERENCES comuna(id),
    years       INTEGER      NOT NULL CHECK (years BETWEEN 1 AND 30),
    updated_by  VARCHAR(60)  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INTEGER      NOT NULL DEFAULT 0
);

-- Every anonymisation the administrator approved: which child (now without identity), when, by whom.
CREATE TABLE child_anonymisation (
    id             BIGSERIAL    PRIMARY KEY,
    comuna_id      BIGINT       NOT NULL REFERENCES comuna(id),
    child_id       BIGINT       NOT NULL UNIQUE REFERENCES child(id),
    last_closed_on DATE         NOT NULL,
    retention_years INTEGER     NOT NULL,
    approved_by    VARCHAR(60)  NOT NULL,
    approved_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The breach register: an incident, its window and accounts, what happened and the measures taken, and what
-- the portal computed from the audit trail when it was recorded (children whose records those accounts read
-- in the window, how many under 14, which categories of data).
CREATE TABLE privacy_incident (
    id             BIGSERIAL     PRIMARY KEY,
    comuna_id      BIGINT        NOT NULL REFERENCES comuna(id),
    window_from    TIMESTAMPTZ   NOT NULL,
    window_to      TIMESTAMPTZ   NOT NULL,
    accounts       VARCHAR(1000) NOT NULL,
    what_happened  VARCHAR(4000) NOT NULL,
    measures       VARCHAR(4000),
    children       INTEGER       NOT NULL,
    under_14       INTEGER       NOT NULL,
    categories     VARCHAR(300)  NOT NULL,
    recorded_by    VARCHAR(60)   NOT NULL,
    recorded_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT ck_incident_window CHECK (window_to > window_from)
);
CREATE INDEX ix_privacy_incident ON privacy_incident (comuna_id, recorded_at DESC);
