-- Importing programs from a CSV file: one row per uploaded file, from its preview to the end of its
-- import. The import runs in the background, so its progress lives here, where any node (and the page
-- polling it) can read it. The file itself is kept only until the import ends.

CREATE TABLE offer_import (
    id            BIGSERIAL PRIMARY KEY,
    comuna_id     BIGINT        NOT NULL REFERENCES comuna(id),
    started_by    VARCHAR(60)   NOT NULL,             -- who uploaded it; only they may start it
    file_name     VARCHAR(255)  NOT NULL,
    content       BYTEA,                              -- the uploaded file; NULL once the import ended
    status        VARCHAR(20)   NOT NULL DEFAULT 'PREVIEW'
        CHECK (status IN ('PREVIEW', 'RUNNING', 'DONE', 'FAILED')),
    total         INTEGER       NOT NULL CHECK (total >= 0),          -- data rows in the file
    valid         INTEGER       NOT NULL CHECK (valid BETWEEN 0 AND total), -- rows the preview found importable
    skipped_rows  TEXT          NOT NULL DEFAULT '',  -- the rows the preview said it would skip: "3,7,12"
    done          INTEGER       NOT NULL DEFAULT 0 CHECK (done BETWEEN 0 AND total),
    imported      INTEGER       NOT NULL DEFAULT 0 CHECK (imported >= 0),
    skipped       INTEGER       NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    error_row     INTEGER,                            -- the file's row that made it fail, if one did
    error_key     VARCHAR(100),                       -- why it failed: a message key of the web bundle
    error_args    VARCHAR(1000),                      -- and its arguments, separated by U+001F
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    version       INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT ck_offer_import_failed CHECK (status <> 'FAILED' OR error_key IS NOT NULL),
    CONSTRAINT ck_offer_import_done CHECK (status <> 'DONE' OR imported + skipped = total)
);
CREATE INDEX ix_offer_import_comuna ON offer_import (comuna_id, created_at DESC);
