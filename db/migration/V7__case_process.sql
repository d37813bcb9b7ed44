-- The shared case process, steps 1-4 of the base process (seed 002): the child registry with its
-- family and corrections, access requests and their admissibility, assisted referrals with a deadline
-- in working days, waiting lists ordered by one communal priority, and in-portal notifications.

-- ---------------------------------------------------------------------------------------------
-- Child registry

ALTER TABLE child
    ADD COLUMN other_identifier VARCHAR(60),                  -- passport, IPE... when there is no RUN
    ADD COLUMN gender           VARCHAR(60),
    ADD COLUMN address          VARCHAR(200),
    ADD COLUMN sector           VARCHAR(100),
    ADD COLUMN school           VARCHAR(150),
    ADD COLUMN name_key         VARCHAR(400) NOT NULL DEFAULT '', -- names without accents, case or spacing, for duplicates
    ADD COLUMN updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now();
CREATE INDEX ix_child_birth ON child (comuna_id, birth_date);

-- Corrections of a child's data are kept: who changed which field, from what to what, and why.
CREATE TABLE child_correction (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    child_id    BIGINT       NOT NULL REFERENCES child(id),
    changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    changed_by  VARCHAR(60)  NOT NULL,
    field       VARCHAR(40)  NOT NULL,
    value_before VARCHAR(400),
    value_after  VARCHAR(400),
    reason      VARCHAR(500) NOT NULL
);
CREATE INDEX ix_child_correction ON child_correction (child_id, changed_at DESC);

-- Adults of reference of a family (siblings are the children that share the family).
CREATE TABLE family_adult (
    id            BIGSERIAL PRIMARY KEY,
    comuna_id     BIGINT       NOT NULL REFERENCES comuna(id),
    family_id     BIGINT       NOT NULL REFERENCES family(id),
    full_name     VARCHAR(200) NOT NULL,
    relationship  VARCHAR(60)  NOT NULL,
    run           VARCHAR(12),
    phone         VARCHAR(40),
    email         VARCHAR(200),
    lives_with    BOOLEAN      NOT NULL DEFAULT TRUE,
    version       INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX ix_family_adult ON family_adult (family_id);

-- ---------------------------------------------------------------------------------------------
-- Vulnerability alerts: the risk signals recorded at access are the first alerts of a case; issue 5
-- (alerts) adds rules, escalation and their life cycle on this same table.
CREATE TABLE vulnerability_alert (
    id           BIGSERIAL PRIMARY KEY,
    comuna_id    BIGINT        NOT NULL REFERENCES comuna(id),
    case_id      BIGINT        NOT NULL REFERENCES case_file(id),
    kind         VARCHAR(40)   NOT NULL,
    severity     VARCHAR(10)   NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    state        VARCHAR(15)   NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    description  VARCHAR(1000),
    source       VARCHAR(20)   NOT NULL DEFAULT 'MANUAL',
    raised_by    VARCHAR(60)   NOT NULL,
    raised_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    resolved_by  VARCHAR(60),
    resolved_at  TIMESTAMPTZ,
    version      INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_alert_case ON vulnerability_alert (case_id, state);

-- ---------------------------------------------------------------------------------------------
-- Access (modalidad de acceso) and admissibility: how a request entered a program and what the
-- program decided. A program-to-program referral is answered on the referral itself; this records
-- spontaneous demand, active search and referrals from outside institutions (school, health, court,
-- the police 24 Horas list...).
CREATE TABLE access_request (
    id                 BIGSERIAL PRIMARY KEY,
    comuna_id          BIGINT        NOT NULL REFERENCES comuna(id),
    case_id            BIGINT        NOT NULL REFERENCES case_file(id),
    program_id         BIGINT        NOT NULL REFERENCES program(id),
    mode               VARCHAR(20)   NOT NULL CHECK (mode IN ('SPONTANEOUS', 'REFERRAL', 'ACTIVE_SEARCH')),
    source             VARCHAR(20)   NOT NULL
        CHECK (source IN ('FAMILY', 'PROGRAM', 'SCHOOL', 'HEALTH', 'COURT', 'POLICE_24H', 'COMMUNITY', 'OTHER')),
    source_detail      VARCHAR(200),
    requested_on       DATE          NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    brought_by         VARCHAR(200),
    court_ordered      BOOLEAN       NOT NULL DEFAULT FALSE,
    decision           VARCHAR(20)   NOT NULL DEFAULT 'PENDING'
        CHECK (decision IN ('PENDING', 'ADMISSIBLE', 'NOT_ADMISSIBLE', 'REFER_ELSEWHERE')),
    decision_reason    VARCHAR(2000),
    decided_on         DATE,
    decided_by         VARCHAR(60),
    recorded_by        VARCHAR(60)   NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    import_batch       VARCHAR(40),                           -- the 24 Horas upload a row came from
    version            INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT ck_access_decision CHECK (decision = 'PENDING'
        OR (decision_reason IS NOT NULL AND decided_on IS NOT NULL AND decided_by IS NOT NULL))
);
CREATE INDEX ix_access_case ON access_request (case_id);
CREATE INDEX ix_access_program ON access_request (program_id, decision);

-- ---------------------------------------------------------------------------------------------
-- Assisted referral: what the sender tells, the family's consent, the deadline in working days,
-- every change as history, and a referral leaving the waiting list without admission (CLOSED).
ALTER TABLE referral DROP CONSTRAINT referral_state_check;
ALTER TABLE referral ADD CONSTRAINT referral_state_check
    CHECK (state IN ('SENT', 'RECEIVED', 'ACCEPTED', 'ADMITTED', 'WAITING', 'REJECTED', 'WITHDRAWN', 'CLOSED'));
ALTER TABLE referral
    ADD COLUMN summary          VARCHAR(4000),
    ADD COLUMN consent          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN consent_note     VARCHAR(500),
    ADD COLUMN court_ordered    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN sender_email     VARCHAR(200),              -- an outside sender's address for the answers
    ADD COLUMN sent_by          VARCHAR(60),
    ADD COLUMN due_on           DATE,
    ADD COLUMN received_at      TIMESTAMPTZ,
    ADD COLUMN answered_by      VARCHAR(60),
    ADD COLUMN escalated_at     TIMESTAMPTZ,
    ADD COLUMN withdrawal_reason VARCHAR(1000);
UPDATE referral SET due_on = (sent_at AT TIME ZONE 'America/Santiago')::date + 14 WHERE due_on IS NULL;
ALTER TABLE referral ALTER COLUMN due_on SET NOT NULL;
CREATE INDEX ix_referral_due ON referral (comuna_id, due_on) WHERE state IN ('SENT', 'RECEIVED');

CREATE TABLE referral_event (
    id           BIGSERIAL PRIMARY KEY,
    comuna_id    BIGINT        NOT NULL REFERENCES comuna(id),
    referral_id  BIGINT        NOT NULL REFERENCES referral(id),
    occurred_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    actor        VARCHAR(60)   NOT NULL,
    state_before VARCHAR(20),
    state_after  VARCHAR(20)   NOT NULL,
    note         VARCHAR(2000)
);
CREATE INDEX ix_referral_event ON referral_event (referral_id, occurred_at);

-- Working days: Chilean public holidays (national ones; a comuna's own are added with its comuna_id).
CREATE TABLE holiday (
    id         BIGSERIAL PRIMARY KEY,
    day        DATE         NOT NULL,
    name       VARCHAR(120) NOT NULL,
    comuna_id  BIGINT       REFERENCES comuna(id),
    CONSTRAINT uq_holiday UNIQUE (day, comuna_id)
);
INSERT INTO holiday (day, name) VALUES
    ('2025-01-01', 'Año Nuevo'), ('2025-04-18', 'Viernes Santo'), ('2025-04-19', 'Sábado Santo'),
    ('2025-05-01', 'Día Nacional del Trabajo'), ('2025-05-21', 'Día de las Glorias Navales'),
    ('2025-06-20', 'Día Nacional de los Pueblos Indígenas'), ('2025-06-29', 'San Pedro y San Pablo'),
    ('2025-07-16', 'Día de la Virgen del Carmen'), ('2025-08-15', 'Asunción de la Virgen'),
    ('2025-09-18', 'Independencia Nacional'), ('2025-09-19', 'Día de las Glorias del Ejército'),
    ('2025-10-12', 'Encuentro de Dos Mundos'), ('2025-10-31', 'Día de las Iglesias Evangélicas y Protestantes'),
    ('2025-11-01', 'Día de Todos los Santos'), ('2025-11-16', 'Elecciones presidenciales y parlamentarias'),
    ('2025-12-08', 'Inmaculada Concepción'), ('2025-12-14', 'Elección presidencial (segunda vuelta)'),
    ('2025-12-25', 'Navidad'),
    ('2026-01-01', 'Año Nuevo'), ('2026-04-03', 'Viernes Santo'), ('2026-04-04', 'Sábado Santo'),
    ('2026-05-01', 'Día Nacional del Trabajo'), ('2026-05-21', 'Día de las Glorias Navales'),
    ('2026-06-21', 'Día Nacional de los Pueblos Indígenas'), ('2026-06-29', 'San Pedro y San Pablo'),
    ('2026-07-16', 'Día de la Virgen del Carmen'), ('2026-08-15', 'Asunción de la Virgen'),
    ('2026-09-18', 'Independencia Nacional'), ('2026-09-19', 'Día de las Glorias del Ejército'),
    ('2026-10-12', 'Encuentro de Dos Mundos'), ('2026-10-31', 'Día de las Iglesias Evangélicas y Protestantes'),
    ('2026-11-01', 'Día de Todos los Santos'), ('2026-12-08', 'Inmaculada Concepción'),
    ('2026-12-25', 'Navidad'),
    ('2027-01-01', 'Año Nuevo'), ('2027-03-26', 'Viernes Santo'), ('2027-03-27', 'Sábado Santo'),
    ('2027-05-01', 'Día Nacional del Trabajo'), ('2027-05-21', 'Día de las Glorias Navales'),
    ('2027-06-21', 'Día Nacional de los Pueblos Indígenas'), ('2027-06-28', 'San Pedro y San Pablo'),
    ('2027-07-16', 'Día de la Virgen del Carmen'), ('2027-08-15', 'Asunción de la Virgen'),
    ('2027-09-18', 'Independencia Nacional'), ('2027-09-19', 'Día de las Glorias del Ejército'),
    ('2027-10-11', 'Encuentro de Dos Mundos'), ('2027-10-31', 'Día de las Iglesias Evangélicas y Protestantes'),
    ('2027-11-01', 'Día de Todos los Santos'), ('2027-12-08', 'Inmaculada Concepción'),
    ('2027-12-25', 'Navidad');
-- NULLs are distinct in a UNIQUE constraint: national holidays need their own guard.
CREATE UNIQUE INDEX uq_holiday_national ON holiday (day) WHERE comuna_id IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Waiting lists: an accepted referral (or an admissible access request) without a vacancy waits here.
-- Exited entries are kept, so a list's length on any past day can be computed and charted.
CREATE TABLE waiting_entry (
    id                 BIGSERIAL PRIMARY KEY,
    comuna_id          BIGINT        NOT NULL REFERENCES comuna(id),
    program_id         BIGINT        NOT NULL REFERENCES program(id),
    case_id            BIGINT        NOT NULL REFERENCES case_file(id),
    referral_id        BIGINT        REFERENCES referral(id),
    access_request_id  BIGINT        REFERENCES access_request(id),
    urgency            VARCHAR(10)   NOT NULL DEFAULT 'NORMAL' CHECK (urgency IN ('LOW', 'NORMAL', 'HIGH')),
    court_ordered      BOOLEAN       NOT NULL DEFAULT FALSE,
    entered_at         TIMESTAMPTZ   NOT NULL,
    exited_at          TIMESTAMPTZ,
    exit_reason        VARCHAR(20)
        CHECK (exit_reason IN ('ADMITTED', 'REFERRED_ELSEWHERE', 'FAMILY_DECLINED', 'NOT_LOCATED', 'NO_LONGER_NEEDED')),
    exit_note          VARCHAR(1000),
    exited_by          VARCHAR(60),
    override_position  INTEGER       CHECK (override_position >= 1),
    override_reason    VARCHAR(1000),
    override_by        VARCHAR(60),
    override_at        TIMESTAMPTZ,
    version            INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT ck_waiting_origin CHECK (referral_id IS NOT NULL OR access_request_id IS NOT NULL),
    CONSTRAINT ck_waiting_exit CHECK ((exited_at IS NULL) = (exit_reason IS NULL)),
    CONSTRAINT ck_waiting_override CHECK (override_position IS NULL OR override_reason IS NOT NULL)
);
CREATE INDEX ix_waiting_program ON waiting_entry (program_id, exited_at);
CREATE INDEX ix_waiting_case ON waiting_entry (case_id);
-- a case waits at most once in the same program
CREATE UNIQUE INDEX uq_waiting_open ON waiting_entry (program_id, case_id) WHERE exited_at IS NULL;

-- The existing WAITING referrals are the first entries of their lists.
INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, urgency, entered_at)
SELECT r.comuna_id, r.to_program_id, r.case_id, r.id, r.urgency, coalesce(r.answered_at, r.sent_at)
FROM referral r WHERE r.state = 'WAITING'
  AND NOT EXISTS (SELECT 1 FROM waiting_entry w WHERE w.program_id = r.to_program_id AND w.case_id = r.case_id
                  AND w.exited_at IS NULL);

-- ---------------------------------------------------------------------------------------------
-- Unified prioritisation: the comuna's coordinator sets a weight per criterion (0 switches it off).
CREATE TABLE priority_weight (
    comuna_id  BIGINT        NOT NULL REFERENCES comuna(id),
    criterion  VARCHAR(30)   NOT NULL
        CHECK (criterion IN ('AGE_BAND', 'ALERTS', 'REENTRIES', 'COURT_ORDER', 'MONTHS_WAITING',
                             'MULTIPLE_VULNERABILITIES', 'URGENCY')),
    weight     NUMERIC(6, 2) NOT NULL CHECK (weight >= 0 AND weight <= 1000),
    updated_by VARCHAR(60),
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version    INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (comuna_id, criterion)
);

CREATE FUNCTION default_priority_weights(c BIGINT) RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO priority_weight (comuna_id, criterion, weight) VALUES
        (c, 'AGE_BAND', 20), (c, 'ALERTS', 5), (c, 'REENTRIES', 10), (c, 'COURT_ORDER', 30),
        (c, 'MONTHS_WAITING', 5), (c, 'MULTIPLE_VULNERABILITIES', 15), (c, 'URGENCY', 20)
    ON CONFLICT DO NOTHING;
$$;
SELECT default_priority_weights(id) FROM comuna;

CREATE FUNCTION comuna_gets_priority_weights() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM default_priority_weights(NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER comuna_priority_weights AFTER INSERT ON comuna
    FOR EACH ROW EXECUTE FUNCTION comuna_gets_priority_weights();

-- Every open waiting entry with the value of each criterion and the points it earns. Computed on every
-- read, so a weight change, a new alert or another day of waiting reorders every list at once.
--   AGE_BAND: 1 for 0-5 years, 0.5 for 6-11, 0 from 12;   ALERTS: open alerts by severity (high 3,
--   medium 2, low 1);  REENTRIES: entries into programs in the last 5 years beyond the first;
--   COURT_ORDER: 1 when a court ordered it;  MONTHS_WAITING: days waiting / 30;
--   MULTIPLE_VULNERABILITIES: 1 with open alerts of two or more kinds;  URGENCY: high 1, normal 0.5, low 0.
CREATE VIEW waiting_priority AS
WITH v AS (
    SELECT w.id AS entry_id, w.comuna_id, w.program_id, w.case_id, w.entered_at,
           w.override_position,
           CASE WHEN age(current_date, ch.birth_date) < INTERVAL '6 years' THEN 1.0
                WHEN age(current_date, ch.birth_date) < INTERVAL '12 years' THEN 0.5 ELSE 0 END AS v_age_band,
           (SELECT coalesce(sum(CASE a.severity WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END), 0)
              FROM vulnerability_alert a WHERE a.case_id = w.case_id AND a.state <> 'RESOLVED') AS v_alerts,
           (SELECT greatest(count(*) - 1, 0) FROM case_involvement i JOIN case_file cf ON cf.id = i.case_id
             WHERE cf.child_id = ch.id AND i.started_on >= current_date - INTERVAL '5 years') AS v_reentries,
           CASE WHEN w.court_ordered THEN 1 ELSE 0 END AS v_court_order,
           round(extract(epoch FROM (now() - w.entered_at)) / 86400.0 / 30.0, 2) AS v_months_waiting,
           CASE WHEN (SELECT count(DISTINCT a.kind) FROM vulnerability_alert a
                       WHERE a.case_id = w.case_id AND a.state <> 'RESOLVED') >= 2 THEN 1 ELSE 0 END
               AS v_multiple_vulnerabilities,
           CASE w.urgency WHEN 'HIGH' THEN 1.0 WHEN 'NORMAL' THEN 0.5 ELSE 0 END AS v_urgency
    FROM waiting_entry w
    JOIN case_file c ON c.id = w.case_id
    JOIN child ch ON ch.id = c.child_id
    WHERE w.exited_at IS NULL
), wt AS (
    SELECT comuna_id,
           max(weight) FILTER (WHERE criterion = 'AGE_BAND') AS w_age_band,
           max(weight) FILTER (WHERE criterion = 'ALERTS') AS w_alerts,
           max(weight) FILTER (WHERE criterion = 'REENTRIES') AS w_reentries,
           max(weight) FILTER (WHERE criterion = 'COURT_ORDER') AS w_court_order,
           max(weight) FILTER (WHERE criterion = 'MONTHS_WAITING') AS w_months_waiting,
           max(weight) FILTER (WHERE criterion = 'MULTIPLE_VULNERABILITIES') AS w_multiple_vulnerabilities,
           max(weight) FILTER (WHERE criterion = 'URGENCY') AS w_urgency
    FROM priority_weight GROUP BY comuna_id
), p AS (
    SELECT v.*,
           round(v.v_age_band * coalesce(wt.w_age_band, 0), 2) AS p_age_band,
           round(v.v_alerts * coalesce(wt.w_alerts, 0), 2) AS p_alerts,
           round(v.v_reentries * coalesce(wt.w_reentries, 0), 2) AS p_reentries,
           round(v.v_court_order * coalesce(wt.w_court_order, 0), 2) AS p_court_order,
           round(v.v_months_waiting * coalesce(wt.w_months_waiting, 0), 2) AS p_months_waiting,
           round(v.v_multiple_vulnerabilities * coalesce(wt.w_multiple_vulnerabilities, 0), 2) AS p_multiple_vulnerabilities,
           round(v.v_urgency * coalesce(wt.w_urgency, 0), 2) AS p_urgency
    FROM v LEFT JOIN wt ON wt.comuna_id = v.comuna_id
)
SELECT p.*, p_age_band + p_alerts + p_reentries + p_court_order + p_months_waiting + p_multiple_vulnerabilities
           + p_urgency AS score
FROM p;

-- ---------------------------------------------------------------------------------------------
-- In-portal notifications (the e-mail twin goes through mail_outbox).
CREATE TABLE notification (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT        NOT NULL REFERENCES comuna(id),
    user_id     BIGINT        NOT NULL REFERENCES app_user(id),
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    message     VARCHAR(500)  NOT NULL,               -- in Spanish, no names: codes and initials only
    link        VARCHAR(300),
    read_at     TIMESTAMPTZ
);
CREATE INDEX ix_notification_user ON notification (user_id, read_at, created_at DESC);

-- Jobs that must run on one node at a time per period (the overdue-referral escalation) record their run.
CREATE TABLE job_run (
    job        VARCHAR(60)  NOT NULL,
    period     VARCHAR(40)  NOT NULL,
    started_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    node       VARCHAR(100),
    PRIMARY KEY (job, period)
);
