-- Foundation: comunas, programs (the offer map grows them later), users and roles, sign-in throttling,
-- the append-only audit log, and the first case-level tables (families, children, cases, the programs
-- involved in each case, referrals) that the case process extends.
-- Every case-level row carries comuna_id: the tenant key that every query filters on.

CREATE TABLE comuna (
    id          BIGSERIAL PRIMARY KEY,
    code        VARCHAR(10)  NOT NULL UNIQUE,          -- código único territorial (CUT)
    name        VARCHAR(100) NOT NULL UNIQUE,
    region      VARCHAR(100) NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE program (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    acronym     VARCHAR(20)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    sector      VARCHAR(30)  NOT NULL,
    status      VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    version     INTEGER      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_program_acronym UNIQUE (comuna_id, acronym)
);

CREATE TABLE app_user (
    id                    BIGSERIAL PRIMARY KEY,
    username              VARCHAR(60)  NOT NULL UNIQUE CHECK (username = lower(username)),
    full_name             VARCHAR(150) NOT NULL,
    email                 VARCHAR(200) NOT NULL,
    role                  VARCHAR(30)  NOT NULL
        CHECK (role IN ('COORDINADOR', 'COFACILITADOR', 'PROFESIONAL', 'GESTOR_TERRITORIAL', 'ADMIN')),
    comuna_id             BIGINT       NOT NULL REFERENCES comuna(id),
    program_id            BIGINT       REFERENCES program(id),
    password_hash         VARCHAR(300) NOT NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT FALSE,
    last_login_at         TIMESTAMPTZ,
    version               INTEGER      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- a program professional always belongs to a program; nobody else is tied to one
    CONSTRAINT ck_user_program CHECK ((role = 'PROFESIONAL') = (program_id IS NOT NULL))
);
CREATE INDEX ix_app_user_comuna ON app_user (comuna_id);

-- The comunas a territorial manager supports (besides their own comuna_id).
CREATE TABLE user_comuna (
    user_id    BIGINT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    comuna_id  BIGINT NOT NULL REFERENCES comuna(id),
    PRIMARY KEY (user_id, comuna_id)
);

-- Failed sign-ins per user name (known or not, so the lock reveals nothing), shared by every node.
CREATE TABLE login_throttle (
    username         VARCHAR(200) PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    last_failure_at  TIMESTAMPTZ  NOT NULL,
    locked_until     TIMESTAMPTZ
);

-- Append-only: who did what to which record, and whether it was allowed. Never the content itself.
CREATE TABLE audit_event (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    username     VARCHAR(200),
    role         VARCHAR(30),
    comuna_id    BIGINT,
    action       VARCHAR(40)  NOT NULL,
    entity_type  VARCHAR(40),
    entity_id    VARCHAR(64),
    outcome      VARCHAR(10)  NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILURE')),
    detail       VARCHAR(300),
    client_ip    VARCHAR(64)
);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at DESC);
CREATE INDEX ix_audit_username ON audit_event (username, occurred_at DESC);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER tr_audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- ---------------------------------------------------------------------------------------------
-- Case-level data. Minimal for now; the case process (access, admissibility, referrals, waiting
-- lists, diagnosis, plan...) extends these tables in later migrations.

CREATE TABLE family (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    code        VARCHAR(20)  NOT NULL UNIQUE,
    surname     VARCHAR(150) NOT NULL,
    address     VARCHAR(200),
    sector      VARCHAR(100),
    version     INTEGER      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ix_family_comuna ON family (comuna_id);

CREATE TABLE child (
    id                BIGSERIAL PRIMARY KEY,
    comuna_id         BIGINT       NOT NULL REFERENCES comuna(id),
    family_id         BIGINT       REFERENCES family(id),
    run               VARCHAR(12),                      -- normalised 12345678-5, unique per comuna
    no_run_reason     VARCHAR(200),
    given_names       VARCHAR(150) NOT NULL,
    paternal_surname  VARCHAR(100) NOT NULL,
    maternal_surname  VARCHAR(100),
    social_name       VARCHAR(150),
    birth_date        DATE         NOT NULL,
    sex               VARCHAR(10)  NOT NULL CHECK (sex IN ('F', 'M', 'OTHER')),
    nationality       VARCHAR(60)  NOT NULL DEFAULT 'Chilena',
    version           INTEGER      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT ck_child_identifier CHECK (run IS NOT NULL OR no_run_reason IS NOT NULL),
    CONSTRAINT uq_child_run UNIQUE (comuna_id, run)
);
CREATE INDEX ix_child_comuna ON child (comuna_id);
CREATE INDEX ix_child_family ON child (family_id);

CREATE TABLE case_file (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT      NOT NULL REFERENCES comuna(id),
    code        VARCHAR(20) NOT NULL UNIQUE,            -- C-2026-0153: how minutes name a case
    child_id    BIGINT      NOT NULL REFERENCES child(id),
    status      VARCHAR(20) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    opened_on   DATE        NOT NULL,
    closed_on   DATE,
    version     INTEGER     NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ix_case_comuna ON case_file (comuna_id, status);
CREATE INDEX ix_case_child ON case_file (child_id);

-- A program's part in a case over time: the trajectory (entries, exits, re-entries).
CREATE TABLE case_involvement (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT      NOT NULL REFERENCES comuna(id),
    case_id     BIGINT      NOT NULL REFERENCES case_file(id),
    program_id  BIGINT      NOT NULL REFERENCES program(id),
    started_on  DATE        NOT NULL,
    ended_on    DATE,
    exit_reason VARCHAR(200),
    version     INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT ck_involvement_dates CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX ix_involvement_case ON case_involvement (case_id);
CREATE INDEX ix_involvement_program ON case_involvement (program_id, ended_on);

CREATE TABLE referral (
    id                BIGSERIAL PRIMARY KEY,
    comuna_id         BIGINT       NOT NULL REFERENCES comuna(id),
    case_id           BIGINT       NOT NULL REFERENCES case_file(id),
    from_program_id   BIGINT       REFERENCES program(id),
    from_institution  VARCHAR(150),                    -- when the sender is not a program of the map
    to_program_id     BIGINT       NOT NULL REFERENCES program(id),
    state             VARCHAR(20)  NOT NULL
        CHECK (state IN ('SENT', 'RECEIVED', 'ACCEPTED', 'ADMITTED', 'WAITING', 'REJECTED', 'WITHDRAWN')),
    urgency           VARCHAR(10)  NOT NULL DEFAULT 'NORMAL' CHECK (urgency IN ('LOW', 'NORMAL', 'HIGH')),
    reason            VARCHAR(1000) NOT NULL,
    rejection_reason  VARCHAR(1000),
    sent_at           TIMESTAMPTZ  NOT NULL,
    answered_at       TIMESTAMPTZ,
    version           INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT ck_referral_sender CHECK (from_program_id IS NOT NULL OR from_institution IS NOT NULL),
    CONSTRAINT ck_referral_rejection CHECK (state <> 'REJECTED' OR rejection_reason IS NOT NULL)
);
CREATE INDEX ix_referral_case ON referral (case_id);
CREATE INDEX ix_referral_to ON referral (to_program_id, state);
CREATE INDEX ix_referral_from ON referral (from_program_id, state);
