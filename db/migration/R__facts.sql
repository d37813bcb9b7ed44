-- The domain facts that the portal's figures are made of, each defined once (docs/facts.md says what
-- each one means). Agenda flows, the table's record, the gap catalogue, the alert rules, the waiting
-- priority, the home counts, the case page and the indicators read these views instead of restating
-- a predicate ("a pending referral", "an open wait", "a re-entry").
--
-- Rules of this file:
-- - No notion of "now": a figure's as-of day is a parameter its query passes (PortalClock.today()).
-- - A timestamp becomes a day in the portal's zone once, here (portal_day), never in the readers.
-- - Other views are built on these (R__waiting_priority.sql, the indicators): CREATE OR REPLACE keeps
--   them, so add columns at the END of a view and never rename or retype one. A change that must
--   (a column removed or retyped) drops the view with CASCADE and touches every R__ file built on it,
--   so that Flyway re-creates them too.

-- The day of an instant in the portal's time zone (portal.timezone, America/Santiago).
CREATE OR REPLACE FUNCTION portal_day(instant TIMESTAMPTZ) RETURNS DATE
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (instant AT TIME ZONE 'America/Santiago')::date $$;

-- A stay (permanencia): a program's part in a child's case from its entry to its exit.
-- One row per case_involvement; it is active while it has no exit day.
CREATE OR REPLACE VIEW fact_stay AS
SELECT i.id AS stay_id,
       i.comuna_id,
       i.case_id,
       cf.child_id,
       i.program_id,
       i.started_on,
       i.ended_on,
       i.exit_reason,
       i.goals_achieved,
       (i.ended_on IS NULL) AS is_active
FROM case_involvement i
JOIN case_file cf ON cf.id = i.case_id;

-- Each stay with the episode it belongs to. The stays of a child that overlap or touch form one
-- episode: taken in start order, a stay that starts on or before the last day reached by the stays
-- before it (a running stay reaches forever) joins their episode; otherwise it opens the next one.
CREATE OR REPLACE VIEW fact_stay_episode AS
WITH reach AS (
    SELECT s.*,
           max(coalesce(s.ended_on, 'infinity'::date)) OVER (
               PARTITION BY s.child_id ORDER BY s.started_on, s.stay_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached_before
    FROM fact_stay s
), opens AS (
    SELECT r.*,
           CASE WHEN r.reached_before IS NULL OR r.started_on > r.reached_before THEN 1 ELSE 0 END AS opens_episode
    FROM reach r
)
SELECT o.stay_id,
       o.comuna_id,
       o.case_id,
       o.child_id,
       o.program_id,
       o.started_on,
       o.ended_on,
       o.goals_achieved,
       o.is_active,
       CAST(sum(o.opens_episode) OVER (PARTITION BY o.child_id ORDER BY o.started_on, o.stay_id) AS INTEGER)
           AS episode_no,
       (o.opens_episode = 1) AS opens_episode
FROM opens o;

-- An episode (episodio de atención) of a child: its overlapping or touching stays. It ends when the
-- last of them ends (NULL while any runs). Every episode after the child's first is a re-entry
-- (reingreso) at its started_on; readers apply the windows ("in the last 5 years": started_on >=
-- asOf - 5 years; "within 24 months of an exit": started_on < previous_ended_on + 24 months).
CREATE OR REPLACE VIEW fact_episode AS
WITH e AS (
    SELECT se.child_id,
           min(se.comuna_id) AS comuna_id,
           se.episode_no,
           min(se.started_on) AS started_on,
           CASE WHEN bool_or(se.is_active) THEN NULL ELSE max(se.ended_on) END AS ended_on,
           (array_agg(se.stay_id ORDER BY se.started_on, se.stay_id))[1] AS first_stay_id,
           (array_agg(se.stay_id ORDER BY coalesce(se.ended_on, 'infinity'::date) DESC, se.started_on DESC,
                      se.stay_id DESC))[1] AS last_stay_id,
           CASE WHEN bool_or(se.is_active) THEN NULL
                ELSE (array_agg(se.goals_achieved ORDER BY se.ended_on DESC, se.started_on DESC, se.stay_id DESC))[1]
           END AS goals_achieved,
           CAST(count(*) AS INTEGER) AS stay_count,
           (array_agg(se.case_id ORDER BY se.started_on, se.stay_id))[1] AS case_id
    FROM fact_stay_episode se
    GROUP BY se.child_id, se.episode_no
)
SELECT e.child_id,
       e.comuna_id,
       e.episode_no,
       e.started_on,
       e.ended_on,
       e.first_stay_id,
       e.last_stay_id,
       e.goals_achieved,
       lag(e.ended_on) OVER (PARTITION BY e.child_id ORDER BY e.episode_no) AS previous_ended_on,
       (e.episode_no > 1) AS is_reentry,
       e.stay_count,
       e.case_id,
       (e.ended_on IS NULL) AS is_running
FROM e;

-- A waiting interval (espera): a case on a program's waiting list from its entry to its exit.
CREATE OR REPLACE VIEW fact_waiting AS
SELECT w.id AS entry_id,
       w.comuna_id,
       w.program_id,
       w.case_id,
       cf.child_id,
       w.referral_id,
       w.entered_at,
       w.exited_at,
       w.exit_reason,
       (w.exited_at IS NULL) AS is_open,
       portal_day(w.entered_at) AS entered_on,
       portal_day(w.exited_at) AS exited_on,
       w.urgency,
       w.court_ordered,
       w.access_request_id
FROM waiting_entry w
JOIN case_file cf ON cf.id = w.case_id;

-- A referral (derivación) and its answer: pending while SENT or RECEIVED; ACCEPTED when the program
-- took the child (admitted at once, put on its waiting list, or on the list and later closed there),
-- REJECTED, or WITHDRAWN by the sender. On time: answered on or before its due day (portal's zone).
CREATE OR REPLACE VIEW fact_referral AS
SELECT r.id AS referral_id,
       r.comuna_id,
       r.case_id,
       cf.child_id,
       r.from_program_id,
       r.to_program_id,
       r.sent_at,
       r.due_on,
       r.answered_at,
       r.state,
       (r.state IN ('SENT', 'RECEIVED')) AS is_pending,
       CASE WHEN r.state IN ('ACCEPTED', 'ADMITTED', 'WAITING', 'CLOSED') THEN 'ACCEPTED'
            WHEN r.state IN ('REJECTED', 'WITHDRAWN') THEN r.state END AS answer,
       CASE WHEN r.state NOT IN ('SENT', 'RECEIVED') AND r.answered_at IS NOT NULL
            THEN portal_day(r.answered_at) <= r.due_on END AS answered_on_time,
       CASE WHEN r.state NOT IN ('SENT', 'RECEIVED') AND r.answered_at IS NOT NULL
            THEN portal_day(r.answered_at) - portal_day(r.sent_at) END AS answer_days,
       portal_day(r.sent_at) AS sent_on,
       portal_day(r.answered_at) AS answered_on,
       r.urgency,
       r.from_institution
FROM referral r
JOIN case_file cf ON cf.id = r.case_id;

-- An action of a case's work plan (acción del plan): open while PENDING or IN_PROGRESS; readers say
-- "overdue" as is_open AND due_on < asOf.
CREATE OR REPLACE VIEW fact_plan_action AS
SELECT a.id AS action_id,
       a.comuna_id,
       p.case_id,
       a.plan_id,
       a.program_id,
       a.starts_on,
       a.due_on,
       a.status,
       (a.status IN ('PENDING', 'IN_PROGRESS')) AS is_open,
       a.goal_id,
       a.responsible_user_id
FROM plan_action a
JOIN work_plan p ON p.id = a.plan_id;

-- A vulnerability alert (alerta), raised and, once RESOLVED, closed.
CREATE OR REPLACE VIEW fact_alert AS
SELECT a.id AS alert_id,
       a.comuna_id,
       a.case_id,
       a.kind,
       a.severity,
       a.source,
       a.state,
       a.raised_at,
       a.resolved_at,
       (a.state <> 'RESOLVED') AS is_open,
       portal_day(a.raised_at) AS raised_on,
       portal_day(a.resolved_at) AS resolved_on
FROM vulnerability_alert a;

-- An agreement (acuerdo) of a table session: open while PENDING or IN_PROGRESS; done on time when DONE
-- on or before its due day.
CREATE OR REPLACE VIEW fact_agreement AS
SELECT g.id AS agreement_id,
       g.comuna_id,
       g.table_id,
       g.session_id,
       g.due_on,
       g.status,
       g.done_on,
       (g.status IN ('PENDING', 'IN_PROGRESS')) AS is_open,
       (g.status = 'DONE' AND g.done_on <= g.due_on) AS done_on_time,
       g.responsible_institution,
       g.responsible_program_id
FROM mgc_agreement g;

-- A table session (sesión de la mesa): held once closed (HELD); planned unless CANCELLED.
CREATE OR REPLACE VIEW fact_session AS
SELECT s.id AS session_id,
       s.comuna_id,
       s.table_id,
       s.starts_at,
       s.state,
       (s.state = 'HELD') AS is_held,
       (s.state <> 'CANCELLED') AS is_planned,
       portal_day(s.starts_at) AS starts_on
FROM mgc_session s;

-- Attendance (asistencia): one row per person called to a session (member or guest), with the
-- institution they came for; present when the minutes say PRESENT.
CREATE OR REPLACE VIEW fact_attendance AS
SELECT p.session_id,
       s.comuna_id,
       s.table_id,
       p.id AS participant_id,
       p.member_id,
       coalesce(m.institution, p.guest_institution) AS institution,
       (p.attendance IS NOT DISTINCT FROM 'PRESENT') AS is_present,
       p.attendance,
       m.kind AS member_kind,
       m.program_id
FROM mgc_participant p
JOIN mgc_session s ON s.id = p.session_id
LEFT JOIN mgc_member m ON m.id = p.member_id;
