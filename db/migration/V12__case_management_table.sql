-- Issue 6, the Case Management Table (Mesa de Gestión de Casos, MGC): tables and members, planning,
-- sessions and convocations, agenda and case analysis, minutes with versions, agreements.
-- Every row carries its comuna (directly or through the table) so tenancy is in every query.

-- One table per comuna, or several (e.g. one per territory).
CREATE TABLE mgc_table (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT        NOT NULL REFERENCES comuna(id),
    name        VARCHAR(150)  NOT NULL,
    territory   VARCHAR(150),
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(60)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version     INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_mgc_table_name UNIQUE (comuna_id, name)
);

-- Members join and leave with dates, so past minutes keep who was a member then.
-- PERMANENT members are convened to every session; EVENTUAL ones only when invited to a session.
CREATE TABLE mgc_member (
    id           BIGSERIAL PRIMARY KEY,
    table_id     BIGINT        NOT NULL REFERENCES mgc_table(id),
    kind         VARCHAR(10)   NOT NULL CHECK (kind IN ('PERMANENT', 'EVENTUAL')),
    institution  VARCHAR(150)  NOT NULL,
    person_name  VARCHAR(150)  NOT NULL,
    email        VARCHAR(254)  NOT NULL,
    user_id      BIGINT        REFERENCES app_user(id),     -- when the member is also a portal user
    program_id   BIGINT        REFERENCES program(id),      -- when the member speaks for a program
    joined_on    DATE          NOT NULL,
    left_on      DATE,
    created_by   VARCHAR(60)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version      INTEGER       NOT NULL DEFAULT 0,
    CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX ix_mgc_member_table ON mgc_member (table_id);

-- A semester or annual plan of recurring sessions.
CREATE TABLE mgc_plan (
    id               BIGSERIAL PRIMARY KEY,
    table_id         BIGINT        NOT NULL REFERENCES mgc_table(id),
    label            VARCHAR(60)   NOT NULL,                 -- e.g. "Primer semestre 2027"
    starts_on        DATE          NOT NULL,
    ends_on          DATE          NOT NULL,
    frequency        VARCHAR(12)   NOT NULL CHECK (frequency IN ('MONTHLY', 'FORTNIGHTLY')),
    weekday          INTEGER       NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday
    week_of_month    INTEGER       CHECK (week_of_month IN (-1, 1, 2, 3, 4)),  -- MONTHLY only; -1 = last
    start_time       TIME          NOT NULL,
    duration_minutes INTEGER       NOT NULL CHECK (duration_minutes BETWEEN 15 AND 600),
    place            VARCHAR(300),
    video_link       VARCHAR(500),
    created_by       VARCHAR(60)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version          INTEGER       NOT NULL DEFAULT 0,
    CHECK (ends_on > starts_on),
    CHECK (frequency = 'FORTNIGHTLY' OR week_of_month IS NOT NULL),
    CHECK (place IS NOT NULL OR video_link IS NOT NULL)
);
CREATE INDEX ix_mgc_plan_table ON mgc_plan (table_id);

-- A dated session. PLANNED -> CONVENED (convocation sent) -> HELD (closed by a co-facilitator);
-- PLANNED/CONVENED -> CANCELLED (with a reason). Moving keeps the state and records the reason;
-- ical_uid is stable and ical_sequence grows with every change sent to the members.
CREATE TABLE mgc_session (
    id              BIGSERIAL PRIMARY KEY,
    table_id        BIGINT        NOT NULL REFERENCES mgc_table(id),
    comuna_id       BIGINT        NOT NULL REFERENCES comuna(id),
    plan_id         BIGINT        REFERENCES mgc_plan(id),
    starts_at       TIMESTAMPTZ   NOT NULL,
    ends_at         TIMESTAMPTZ   NOT NULL,
    place           VARCHAR(300),
    video_link      VARCHAR(500),
    state           VARCHAR(10)   NOT NULL DEFAULT 'PLANNED'
        CHECK (state IN ('PLANNED', 'CONVENED', 'HELD', 'CANCELLED')),
    moved_reason    VARCHAR(1000),
    cancel_reason   VARCHAR(1000),
    ical_uid        VARCHAR(200)  NOT NULL UNIQUE,
    ical_sequence   INTEGER       NOT NULL DEFAULT 0,
    convened_at     TIMESTAMPTZ,
    convened_by     VARCHAR(60),
    closed_at       TIMESTAMPTZ,
    closed_by       VARCHAR(60),
    created_by      VARCHAR(60)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         INTEGER       NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK (state <> 'CANCELLED' OR cancel_reason IS NOT NULL)
);
CREATE INDEX ix_mgc_session_table ON mgc_session (table_id, starts_at);
CREATE INDEX ix_mgc_session_comuna ON mgc_session (comuna_id, starts_at);

-- Who is called to a session: members (permanent ones and invited eventual ones) and one-off guests.
-- The same row records the answer to the convocation (rsvp, from the mail's link or the portal) and,
-- in the minutes, the attendance.
CREATE TABLE mgc_participant (
    id            BIGSERIAL PRIMARY KEY,
    session_id    BIGINT        NOT NULL REFERENCES mgc_session(id),
    member_id     BIGINT        REFERENCES mgc_member(id),
    guest_name    VARCHAR(150),
    guest_institution VARCHAR(150),
    guest_email   VARCHAR(254),
    rsvp          VARCHAR(10)   NOT NULL DEFAULT 'PENDING' CHECK (rsvp IN ('PENDING', 'YES', 'NO')),
    rsvp_at       TIMESTAMPTZ,
    rsvp_token    VARCHAR(64)   NOT NULL UNIQUE,
    attendance    VARCHAR(10)   CHECK (attendance IN ('PRESENT', 'ABSENT', 'EXCUSED')),
    version       INTEGER       NOT NULL DEFAULT 0,
    CHECK (member_id IS NOT NULL OR (guest_name IS NOT NULL AND guest_institution IS NOT NULL)),
    CONSTRAINT uq_mgc_participant_member UNIQUE (session_id, member_id)
);
CREATE INDEX ix_mgc_participant_session ON mgc_participant (session_id);

-- The agenda: the standard blocks in order, each editable; notes are written in the minutes.
CREATE TABLE mgc_agenda_item (
    id           BIGSERIAL PRIMARY KEY,
    session_id   BIGINT        NOT NULL REFERENCES mgc_session(id),
    position     INTEGER       NOT NULL,
    block        VARCHAR(20)   NOT NULL
        CHECK (block IN ('WELCOME', 'MINUTES_APPROVAL', 'AGREEMENTS', 'FLOWS', 'TOPICS', 'CASES', 'OTHER')),
    title        VARCHAR(300)  NOT NULL,
    description  VARCHAR(4000),
    notes        TEXT,                                       -- minutes: what was said on the item
    version      INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_mgc_agenda_session ON mgc_agenda_item (session_id, position);

-- Cases proposed for analysis (suggested by the portal, picked by co-facilitators or proposed by a
-- program), each presented with the common template (pauta). Agendas and minutes show code + initials.
CREATE TABLE mgc_case_item (
    id              BIGSERIAL PRIMARY KEY,
    session_id      BIGINT        NOT NULL REFERENCES mgc_session(id),
    case_id         BIGINT        NOT NULL REFERENCES case_file(id),
    origin          VARCHAR(12)   NOT NULL CHECK (origin IN ('SUGGESTED', 'PICKED', 'PROPOSED', 'ALERT')),
    reasons         VARCHAR(1000) NOT NULL,                  -- why (suggestion reasons or the proposal)
    state           VARCHAR(10)   NOT NULL DEFAULT 'PICKED'
        CHECK (state IN ('PROPOSED', 'PICKED', 'DECLINED')),
    proposed_by     VARCHAR(60)   NOT NULL,
    proposed_by_program_id BIGINT REFERENCES program(id),
    question        VARCHAR(2000),                           -- the question for the table
    presenter_notes TEXT,
    discussion      TEXT,                                    -- minutes: what the table concluded
    position        INTEGER       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_mgc_case_item UNIQUE (session_id, case_id)
);
CREATE INDEX ix_mgc_case_item_case ON mgc_case_item (case_id);

ALTER TABLE session_agenda_request
    ADD CONSTRAINT fk_agenda_request_session FOREIGN KEY (session_id) REFERENCES mgc_session(id);

-- The minutes (acta) of a session: a draft until the next session approves it; approved minutes are
-- locked, and a later correction makes a new version. Every version keeps a full snapshot.
CREATE TABLE mgc_minutes (
    id                     BIGSERIAL PRIMARY KEY,
    session_id             BIGINT        NOT NULL UNIQUE REFERENCES mgc_session(id),
    state                  VARCHAR(10)   NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'APPROVED')),
    decisions              TEXT,
    current_version        INTEGER       NOT NULL DEFAULT 0,   -- 0 while it is a first draft
    approved_at            TIMESTAMPTZ,
    approved_by            VARCHAR(60),
    approved_in_session_id BIGINT        REFERENCES mgc_session(id),
    approval_corrections   VARCHAR(4000),                      -- NULL = approved without corrections
    updated_by             VARCHAR(60),
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                INTEGER       NOT NULL DEFAULT 0,
    CHECK (state <> 'APPROVED' OR approved_at IS NOT NULL)
);

CREATE TABLE mgc_minutes_version (
    id           BIGSERIAL PRIMARY KEY,
    minutes_id   BIGINT        NOT NULL REFERENCES mgc_minutes(id),
    number       INTEGER       NOT NULL,
    content      JSONB         NOT NULL,                      -- attendance, item notes, decisions, agreements
    reason       VARCHAR(2000) NOT NULL,                      -- "approved in session of ..." or the correction
    created_by   VARCHAR(60)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT uq_mgc_minutes_version UNIQUE (minutes_id, number)
);

-- Agreements (acuerdos): followed up session after session. OVERDUE is not stored: it is an open
-- agreement (PENDING or IN_PROGRESS) whose due day has passed.
CREATE TABLE mgc_agreement (
    id                      BIGSERIAL PRIMARY KEY,
    table_id                BIGINT        NOT NULL REFERENCES mgc_table(id),
    comuna_id               BIGINT        NOT NULL REFERENCES comuna(id),
    session_id              BIGINT        NOT NULL REFERENCES mgc_session(id),   -- where it was agreed
    agenda_item_id          BIGINT        REFERENCES mgc_agenda_item(id),
    description             VARCHAR(2000) NOT NULL,
    responsible_institution VARCHAR(150)  NOT NULL,
    responsible_name        VARCHAR(150)  NOT NULL,
    responsible_email       VARCHAR(254),
    responsible_user_id     BIGINT        REFERENCES app_user(id),
    responsible_program_id  BIGINT        REFERENCES program(id),
    due_on                  DATE          NOT NULL,
    status                  VARCHAR(12)   NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    done_on                 DATE,
    created_by              VARCHAR(60)   NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                 INTEGER       NOT NULL DEFAULT 0,
    CHECK (status <> 'DONE' OR done_on IS NOT NULL)
);
CREATE INDEX ix_mgc_agreement_table ON mgc_agreement (table_id, due_on);
CREATE INDEX ix_mgc_agreement_open ON mgc_agreement (comuna_id, due_on) WHERE status IN ('PENDING', 'IN_PROGRESS');

CREATE TABLE mgc_agreement_case (
    agreement_id  BIGINT  NOT NULL REFERENCES mgc_agreement(id),
    case_id       BIGINT  NOT NULL REFERENCES case_file(id),
    referral_id   BIGINT  REFERENCES referral(id),
    PRIMARY KEY (agreement_id, case_id)
);
CREATE INDEX ix_mgc_agreement_case_case ON mgc_agreement_case (case_id);

-- Follow-up notes and status changes, session after session.
CREATE TABLE mgc_agreement_note (
    id            BIGSERIAL PRIMARY KEY,
    agreement_id  BIGINT        NOT NULL REFERENCES mgc_agreement(id),
    session_id    BIGINT        REFERENCES mgc_session(id),
    status_from   VARCHAR(12),
    status_to     VARCHAR(12),
    note          VARCHAR(2000) NOT NULL,
    written_by    VARCHAR(60)   NOT NULL,
    written_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX ix_mgc_agreement_note ON mgc_agreement_note (agreement_id, written_at);

-- Agreement reminders go to people who may have no portal account: one digest per address and day.
CREATE TABLE mgc_reminder_digest (
    email    VARCHAR(254) NOT NULL,
    day      DATE         NOT NULL,
    sent_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    items    INTEGER      NOT NULL,
    PRIMARY KEY (email, day)
);
