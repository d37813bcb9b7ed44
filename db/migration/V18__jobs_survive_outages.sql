-- Scheduled jobs claim their period here and finish it in the same transaction as their work: a period
-- is done exactly when its work committed, and a period whose work failed (the database away) is done
-- at a later tick instead of being lost. Rows written before this had no end: they were done.
ALTER TABLE job_run ADD COLUMN finished_at TIMESTAMPTZ;
UPDATE job_run SET finished_at = started_at;
CREATE INDEX ix_job_run_finished ON job_run (job, finished_at DESC) WHERE finished_at IS NOT NULL;

-- The administrator's view of a comuna's outbox (what waits, what failed, what left in the last day).
CREATE INDEX ix_outbox_comuna_status ON mail_outbox (comuna_id, status, created_at DESC);

COMMENT ON COLUMN mail_outbox.status IS 'PENDING until sent; FAILED only when the mail server refused the recipient for good (an outage never fails a mail); SENT';
