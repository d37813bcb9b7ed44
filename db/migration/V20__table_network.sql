-- Issue 18, the Case Management Table's second level of work (seed 004, "gestión y práctica de la red social
-- abierta"): referral protocols with versions and their document, critical knots of the circuit, the map of
-- local actors and the trainings given in sessions. Written only by the package mgc.network; every row
-- carries its comuna so tenancy is in every query. None of these rows holds case data.

-- An institution that matters to the comuna's children: a provider of the offer map or anyone else
-- (police unit, court, schools, health centres, community organisations).
CREATE TABLE net_actor (
    id               BIGSERIAL PRIMARY KEY,
    comuna_id        BIGINT        NOT NULL REFERENCES comuna(id),
    name             VARCHAR(200)  NOT NULL,
    kind             VARCHAR(12)   NOT NULL
        CHECK (kind IN ('PROTECTION', 'POLICE', 'COURT', 'SCHOOL', 'HEALTH', 'MUNICIPAL', 'COMMUNITY', 'OTHER')),
    provider_id      BIGINT        REFERENCES provider(id),   -- when it is a provider of the offer map
    network_role     VARCHAR(1000),
    contact_name     VARCHAR(150),
    contact_email    VARCHAR(254),
    contact_phone    VARCHAR(40),
    table_id         BIGINT        REFERENCES mgc_table(id),  -- the table it takes part in, if any
    last_contact_on  DATE,
    created_by       VARCHAR(60)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version          INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_net_actor_name UNIQUE (comuna_id, name)
);
CREATE INDEX ix_net_actor_provider ON net_actor (provider_id);

-- A referral protocol. DRAFT (edited freely by co-facilitators, optionally on a session's agenda) ->
-- APPROVED in a session that has begun (version 1); every later change is a new version with a reason.
CREATE TABLE net_protocol (
    id                   BIGSERIAL PRIMARY KEY,
    comuna_id            BIGINT        NOT NULL REFERENCES comuna(id),
    title                VARCHAR(200)  NOT NULL,
    purpose              VARCHAR(4000) NOT NULL,
    contacts             VARCHAR(2000),
    review_on            DATE,
    state                VARCHAR(10)   NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'APPROVED')),
    agenda_session_id    BIGINT        REFERENCES mgc_session(id),   -- on this session's agenda for approval
    approved_session_id  BIGINT        REFERENCES mgc_session(id),
    approved_at          TIMESTAMPTZ,
    approved_by          VARCHAR(60),
    current_version      INTEGER       NOT NULL DEFAULT 0,           -- 0 while a draft never approved
    copied_from_id       BIGINT        REFERENCES net_protocol(id),
    created_by           VARCHAR(60)   NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by           VARCHAR(60),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version              INTEGER       NOT NULL DEFAULT 0,
    CHECK (state <> 'APPROVED' OR (approved_session_id IS NOT NULL AND approved_at IS NOT NULL AND current_version > 0))
);
CREATE INDEX ix_net_protocol_comuna ON net_protocol (comuna_id, state);
CREATE INDEX ix_net_protocol_agenda ON net_protocol (agenda_session_id);
CREATE INDEX ix_net_protocol_approved ON net_protocol (approved_session_id);

-- Who does what, within how long.
CREATE TABLE net_protocol_step (
    protocol_id     BIGINT        NOT NULL REFERENCES net_protocol(id),
    position        INTEGER       NOT NULL,
    responsible     VARCHAR(200)  NOT NULL,
    action          VARCHAR(1000) NOT NULL,
    deadline_value  INTEGER       NOT NULL CHECK (deadline_value > 0),
    deadline_unit   VARCHAR(5)    NOT NULL CHECK (deadline_unit IN ('HOURS', 'DAYS')),
    PRIMARY KEY (protocol_id, position)
);

-- The programs and institutions a protocol binds.
CREATE TABLE net_protocol_program (
    protocol_id  BIGINT NOT NULL REFERENCES net_protocol(id),
    program_id   BIGINT NOT NULL REFERENCES program(id),
    PRIMARY KEY (protocol_id, program_id)
);
CREATE INDEX ix_net_protocol_program ON net_protocol_program (program_id);

CREATE TABLE net_protocol_actor (
    protocol_id  BIGINT NOT NULL REFERENCES net_protocol(id),
    actor_id     BIGINT NOT NULL REFERENCES net_actor(id),
    PRIMARY KEY (protocol_id, actor_id)
);
CREATE INDEX ix_net_protocol_actor ON net_protocol_actor (actor_id);

-- The protocol's document (a PDF), kept apart so lists never read it.
CREATE TABLE net_protocol_document (
    protocol_id   BIGINT        PRIMARY KEY REFERENCES net_protocol(id),
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    content       BYTEA         NOT NULL,
    uploaded_by   VARCHAR(60)   NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version       INTEGER       NOT NULL DEFAULT 0
);

-- Every approved content: version 1 at approval, 2, 3... with each change's reason; all readable.
CREATE TABLE net_protocol_version (
    id           BIGSERIAL PRIMARY KEY,
    protocol_id  BIGINT        NOT NULL REFERENCES net_protocol(id),
    number       INTEGER       NOT NULL,
    content      JSONB         NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    session_id   BIGINT        REFERENCES mgc_session(id),
    created_by   VARCHAR(60)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT uq_net_protocol_version UNIQUE (protocol_id, number)
);

-- A critical knot of the circuit: OPEN -> IN_PROGRESS (a strategy agreed) -> RESOLVED (with how).
CREATE TABLE net_knot (
    id                   BIGSERIAL PRIMARY KEY,
    comuna_id            BIGINT        NOT NULL REFERENCES comuna(id),
    table_id             BIGINT        NOT NULL REFERENCES mgc_table(id),
    title                VARCHAR(300)  NOT NULL,
    description          VARCHAR(4000),
    evidence             VARCHAR(2000),
    evidence_link        VARCHAR(500),          -- a portal path: the flows block of an agenda, an indicator
    strategy             VARCHAR(4000),
    state                VARCHAR(12)   NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'IN_PROGRESS', 'RESOLVED')),
    detected_on          DATE          NOT NULL,
    detected_session_id  BIGINT        REFERENCES mgc_session(id),
    resolved_on          DATE,
    resolution           VARCHAR(2000),
    created_by           VARCHAR(60)   NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version              INTEGER       NOT NULL DEFAULT 0,
    CHECK (state <> 'RESOLVED' OR (resolved_on IS NOT NULL AND resolution IS NOT NULL))
);
CREATE INDEX ix_net_knot_table ON net_knot (table_id, state);

-- The table's existing agreements that carry a knot's strategy.
CREATE TABLE net_knot_agreement (
    knot_id       BIGINT NOT NULL REFERENCES net_knot(id),
    agreement_id  BIGINT NOT NULL REFERENCES mgc_agreement(id),
    PRIMARY KEY (knot_id, agreement_id)
);

-- A training given in a session's topic block (self-training or an invited guest).
CREATE TABLE net_training (
    id               BIGSERIAL PRIMARY KEY,
    comuna_id        BIGINT        NOT NULL REFERENCES comuna(id),
    table_id         BIGINT        NOT NULL REFERENCES mgc_table(id),
    session_id       BIGINT        NOT NULL REFERENCES mgc_session(id),
    agenda_item_id   BIGINT        REFERENCES mgc_agenda_item(id) ON DELETE SET NULL,
    subject          VARCHAR(300)  NOT NULL,
    kind             VARCHAR(5)    NOT NULL CHECK (kind IN ('SELF', 'GUEST')),
    given_by         VARCHAR(200)  NOT NULL,
    attendees        INTEGER       NOT NULL CHECK (attendees >= 0),
    attendee_names   VARCHAR(4000),
    created_by       VARCHAR(60)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version          INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX ix_net_training_table ON net_training (table_id, session_id);
