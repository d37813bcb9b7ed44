-- One daily digest per person: the case reminders and the table's agreements go in one mail, sent by the
-- job 'daily-digest', which claims the day in job_run (period '2026-12-07') and each comuna's digest of
-- the day (period '2026-12-07/<comuna id>') in the same transaction as its outbox rows. The two tables
-- that claimed a digest per person and day go; the days they claimed become job_run claims, so a digest
-- already sent is not sent again after the upgrade.

UPDATE job_run SET job = 'daily-digest' WHERE job = 'reminder-digest';
DELETE FROM job_run WHERE job = 'agreement-reminders';

INSERT INTO job_run (job, period, node, started_at, finished_at)
SELECT 'daily-digest', d.day || '/' || u.comuna_id, 'V26', min(d.sent_at), min(d.sent_at)
FROM reminder_digest d JOIN app_user u ON u.id = d.user_id
WHERE u.comuna_id IS NOT NULL
GROUP BY d.day, u.comuna_id
ON CONFLICT (job, period) DO NOTHING;

INSERT INTO job_run (job, period, node, started_at, finished_at)
SELECT 'daily-digest', d.day || '/' || a.comuna_id, 'V26', min(d.sent_at), min(d.sent_at)
FROM mgc_reminder_digest d
JOIN mgc_agreement a ON lower(a.responsible_email) = d.email
    OR a.responsible_user_id IN (SELECT id FROM app_user WHERE lower(email) = d.email)
GROUP BY d.day, a.comuna_id
ON CONFLICT (job, period) DO NOTHING;

DROP TABLE reminder_digest;
DROP TABLE mgc_reminder_digest;
