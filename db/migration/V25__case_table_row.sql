-- Issue 12, point 2: the shared case table's read model. One row per case with the columns the table
-- sorts and filters by, kept by triggers (R__case_table_row.sql) in the same transaction as the facts
-- that change them, so that a page of the table is an index range scan with LIMIT whatever the comuna's
-- size. Time-dependent columns are stored so they do not decay: the birth date (the age is computed when
-- read), the time the case began to wait, and a priority key from which the priority of any moment follows
-- (see R__case_table_row.sql). Need-to-know is still applied to case_file when the table is read.
CREATE TABLE case_table_row (
    case_id            BIGINT        PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE,
    comuna_id          BIGINT        NOT NULL REFERENCES comuna(id),
    code               VARCHAR(40)   NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    opened_on          DATE          NOT NULL,
    birth_date         DATE,
    sector             VARCHAR(100),
    programs           TEXT,
    active_programs    INTEGER       NOT NULL DEFAULT 0,
    family_programs    INTEGER       NOT NULL DEFAULT 0,
    open_alerts        INTEGER       NOT NULL DEFAULT 0,
    alert_level        INTEGER,
    pending_referrals  INTEGER       NOT NULL DEFAULT 0,
    waiting_since      TIMESTAMPTZ,
    -- the case's waiting priority at any instant t is priority_key + w × epoch(t) / 2,592,000 (w: the comuna's
    -- MONTHS_WAITING weight), until the child's age band changes on band_changes_on (then the row is refreshed)
    priority_key       NUMERIC,
    band_changes_on    DATE,
    refreshed_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- the table's sorts within a comuna (each with the id as its last key, as the query orders)
CREATE INDEX ix_case_table_row_priority ON case_table_row (comuna_id, priority_key DESC NULLS LAST, opened_on DESC, case_id DESC);
CREATE INDEX ix_case_table_row_code ON case_table_row (comuna_id, code, case_id);
CREATE INDEX ix_case_table_row_birth ON case_table_row (comuna_id, birth_date, case_id);
CREATE INDEX ix_case_table_row_opened ON case_table_row (comuna_id, opened_on, case_id);
CREATE INDEX ix_case_table_row_status ON case_table_row (comuna_id, status, case_id);
CREATE INDEX ix_case_table_row_sector ON case_table_row (comuna_id, sector, case_id);
CREATE INDEX ix_case_table_row_active ON case_table_row (comuna_id, active_programs, case_id);
CREATE INDEX ix_case_table_row_family ON case_table_row (comuna_id, family_programs, case_id);
CREATE INDEX ix_case_table_row_alerts ON case_table_row (comuna_id, alert_level, case_id);
CREATE INDEX ix_case_table_row_referrals ON case_table_row (comuna_id, pending_referrals, case_id);
CREATE INDEX ix_case_table_row_waiting ON case_table_row (comuna_id, waiting_since, case_id);
CREATE INDEX ix_case_table_row_band ON case_table_row (band_changes_on) WHERE band_changes_on IS NOT NULL;

-- set by R__case_table_row.sql whenever the definition changes; the afterMigrate callback then rebuilds
CREATE TABLE case_table_row_state (
    id               INTEGER      PRIMARY KEY CHECK (id = 1),
    rebuild_needed   BOOLEAN      NOT NULL,
    rebuilt_at       TIMESTAMPTZ
);
INSERT INTO case_table_row_state (id, rebuild_needed) VALUES (1, true);
