-- The communal offer map: who provides each program, what it offers and to whom, how to reach it,
-- where it is, how many slots it has and how many are taken, and when somebody last confirmed it.
-- Vacancies are never stored: slots - occupied. The waiting list is not typed: it is the referrals
-- accepted without a vacancy (state WAITING), so it is real from the first day.

CREATE TABLE provider (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(30)  NOT NULL
        CHECK (kind IN ('MUNICIPALITY', 'HEALTH', 'EDUCATION', 'NGO', 'COURT', 'STATE_SERVICE', 'POLICE', 'OTHER')),
    description VARCHAR(1000),
    email       VARCHAR(200),
    phone       VARCHAR(40),
    website     VARCHAR(300),
    version     INTEGER      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_provider_name UNIQUE (comuna_id, name)
);

ALTER TABLE program
    ADD COLUMN provider_id           BIGINT REFERENCES provider(id),
    ADD COLUMN description           VARCHAR(2000),
    ADD COLUMN min_age               INTEGER CHECK (min_age BETWEEN 0 AND 29),
    ADD COLUMN max_age               INTEGER CHECK (max_age BETWEEN 0 AND 29),
    ADD COLUMN target_profile        VARCHAR(1000),
    ADD COLUMN eligibility           VARCHAR(2000),
    ADD COLUMN territory             VARCHAR(200),            -- sectors served, in words; NULL: the whole comuna
    ADD COLUMN court_order_required  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN accepts_spontaneous   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN accepts_referral      BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN accepts_active_search BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN referral_documents    VARCHAR(1000),
    ADD COLUMN contact_name          VARCHAR(150),
    ADD COLUMN contact_phone         VARCHAR(40),
    ADD COLUMN contact_email         VARCHAR(200),
    ADD COLUMN opening_hours         VARCHAR(300),
    ADD COLUMN slots                 INTEGER NOT NULL DEFAULT 0 CHECK (slots >= 0),
    ADD COLUMN occupied              INTEGER NOT NULL DEFAULT 0 CHECK (occupied >= 0),
    ADD COLUMN confirmed_at          TIMESTAMPTZ,
    ADD COLUMN confirmed_by          VARCHAR(60),
    ADD COLUMN updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD CONSTRAINT ck_program_ages CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
    ADD CONSTRAINT ck_program_occupied CHECK (occupied <= slots);
CREATE INDEX ix_program_comuna ON program (comuna_id, status);

-- Where a program attends people (HSDS: a location and its service_at_location).
CREATE TABLE program_location (
    id          BIGSERIAL PRIMARY KEY,
    comuna_id   BIGINT       NOT NULL REFERENCES comuna(id),
    program_id  BIGINT       NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    name        VARCHAR(150),
    address     VARCHAR(200) NOT NULL,
    sector      VARCHAR(100),
    latitude    NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude   NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    version     INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT ck_location_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX ix_location_program ON program_location (program_id);

-- Every change of slots or occupancy, with who and when: capacity people can trust. Append-only.
CREATE TABLE capacity_change (
    id               BIGSERIAL PRIMARY KEY,
    comuna_id        BIGINT      NOT NULL REFERENCES comuna(id),
    program_id       BIGINT      NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    changed_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by       VARCHAR(60) NOT NULL,
    slots_before     INTEGER,
    slots_after      INTEGER     NOT NULL,
    occupied_before  INTEGER,
    occupied_after   INTEGER     NOT NULL,
    note             VARCHAR(300)
);
CREATE INDEX ix_capacity_change_program ON capacity_change (program_id, changed_at DESC);

-- History is not rewritten: the portal's role may only append to it.
DO $$
BEGIN
    IF '${app_role}' <> current_user THEN
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON capacity_change FROM %I', '${app_role}');
    END IF;
END
$$;
