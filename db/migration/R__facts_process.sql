-- Process facts the quarterly indicators need beyond the shared facts of R__facts.sql: a common
-- diagnosis completed, a post-exit follow-up due and done, the programs that act in a case's integrated
-- plan, and a program's slots. Like R__facts.sql they hold no notion of "now" (queries pass the day) and turn an instant into a
-- day only through portal_day (so this file runs after R__facts.sql, which Flyway's name order ensures).
-- Documented in docs/facts.md ("Process facts").

-- Every common diagnosis of a case, current or superseded (an earlier one still counts as "diagnosed").
CREATE OR REPLACE VIEW fact_diagnosis AS
SELECT d.id AS diagnosis_id, d.comuna_id, d.case_id, c.child_id, d.program_id, d.completed_at,
       d.state = 'CURRENT' AS is_current, portal_day(d.completed_at) AS completed_on
FROM diagnosis d
JOIN case_file c ON c.id = d.case_id;

-- A post-exit follow-up task: due on a day, done on a day or not yet; on time when done by its due day.
CREATE OR REPLACE VIEW fact_followup AS
SELECT t.id AS task_id, t.comuna_id, t.case_id, c.child_id, t.program_id, t.involvement_id AS stay_id, t.months,
       t.due_on, t.done_on, t.done_on IS NULL AS is_open,
       coalesce(t.done_on <= t.due_on, FALSE) AS done_on_time
FROM followup_task t
JOIN case_file c ON c.id = t.case_id;

-- The programs that act in a case's integrated plan: one row per plan and program, with the moment the
-- program's first action (not cancelled) was added. "An integrated plan" on a day = actions of 2+ programs.
CREATE OR REPLACE VIEW fact_case_plan AS
SELECT w.id AS plan_id, w.comuna_id, w.case_id, c.child_id, a.program_id, min(a.created_at) AS first_action_at,
       portal_day(min(a.created_at)) AS first_action_on
FROM work_plan w
JOIN case_file c ON c.id = w.case_id
JOIN plan_action a ON a.plan_id = w.id AND a.status <> 'CANCELLED'
GROUP BY w.id, w.comuna_id, w.case_id, c.child_id, a.program_id;

-- A program's slots as the offer map holds them today (the map keeps no history of slots by day:
-- capacity_change records changes, not a dated series, so past quarters use today's slots).
CREATE OR REPLACE VIEW fact_program_capacity AS
SELECT p.id AS program_id, p.comuna_id, p.sector, p.status, p.slots, p.occupied
FROM program p;
