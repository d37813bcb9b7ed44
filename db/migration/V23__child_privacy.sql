-- A child's data rights under Ley 21.719: blocking (bloqueo temporal) with its history, and the mark an
-- anonymised child keeps. Both withhold the child from every list, suggestion, export and search through the
-- one view child_withheld (privacy/control/Withheld is its only reader in Java).

CREATE TABLE child_block (
    id           BIGSERIAL PRIMARY KEY,
    comuna_id    BIGINT        NOT NULL REFERENCES comuna(id),
    child_id     BIGINT        NOT NULL REFERENCES child(id),
    blocked_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    blocked_by   VARCHAR(60)   NOT NULL,
    reason       VARCHAR(500)  NOT NULL CHECK (btrim(reason) <> ''),
    lifted_at    TIMESTAMPTZ,
    lifted_by    VARCHAR(60),
    lift_reason  VARCHAR(500),
    version      INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT ck_child_block_lift CHECK ((lifted_at IS NULL) = (lift_reason IS NULL)
        AND (lifted_at IS NULL) = (lifted_by IS NULL))
);
-- at most one block in force per child; lifted ones stay as history
CREATE UNIQUE INDEX uq_child_block_active ON child_block (child_id) WHERE lifted_at IS NULL;
CREATE INDEX ix_child_block_comuna ON child_block (comuna_id, blocked_at DESC);

ALTER TABLE child ADD COLUMN anonymised_at TIMESTAMPTZ;
CREATE INDEX ix_child_anonymised ON child (id) WHERE anonymised_at IS NOT NULL;

-- The children withheld from ordinary processing: blocked now, or anonymised.
CREATE VIEW child_withheld AS
    SELECT child_id, 'BLOCKED' AS why FROM child_block WHERE lifted_at IS NULL
    UNION ALL
    SELECT id, 'ANONYMISED' FROM child WHERE anonymised_at IS NOT NULL;
