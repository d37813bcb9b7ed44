-- Mail leaves the portal through this table: a feature writes its mail in its own transaction (so a
-- rolled-back change sends nothing), and a scheduled sender on any node delivers it, retrying with
-- growing pauses while the mail server is down. Rows are claimed with FOR UPDATE SKIP LOCKED, so
-- several nodes never send the same mail twice.
CREATE TABLE mail_outbox (
    id               BIGSERIAL PRIMARY KEY,
    comuna_id        BIGINT        REFERENCES comuna(id),
    recipient        VARCHAR(200)  NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body_text        TEXT          NOT NULL,
    attachment_name  VARCHAR(200),
    attachment_type  VARCHAR(100),
    attachment       BYTEA,
    status           VARCHAR(10)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_error       VARCHAR(500),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ,
    CONSTRAINT ck_outbox_attachment CHECK ((attachment IS NULL) = (attachment_name IS NULL))
);
CREATE INDEX ix_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
