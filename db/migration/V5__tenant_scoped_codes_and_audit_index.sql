-- Case and family codes are a comuna's own numbering: unique within the comuna, not across all of them
-- (a clash would tell one comuna that another has a code).
ALTER TABLE case_file DROP CONSTRAINT case_file_code_key;
ALTER TABLE case_file ADD CONSTRAINT uq_case_code UNIQUE (comuna_id, code);
ALTER TABLE family DROP CONSTRAINT family_code_key;
ALTER TABLE family ADD CONSTRAINT uq_family_code UNIQUE (comuna_id, code);

-- The administrator's audit search filters by comuna and sorts by time on a table that only grows.
CREATE INDEX ix_audit_comuna_occurred ON audit_event (comuna_id, occurred_at DESC);
