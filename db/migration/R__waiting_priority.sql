-- The unified priority of every open waiting-list entry: each criterion's value, its weighted points
-- and the score (weights per comuna in priority_weight; docs/waiting-lists.md). Re-created here whenever
-- it changes (it was V7, then V17).
--
-- It reads the domain facts (R__facts.sql, docs/facts.md): an open wait is fact_waiting.is_open; the
-- re-entries are the child's re-entry episodes of fact_episode in the last 5 years, the same figure as
-- the case page and the RE_ENTRY alert rule; the alerts are the open ones people raised (risk signals at
-- access and manual alerts), not the ones the automatic rules derive: those repeat criteria the priority
-- already weighs (LONG_WAIT is the time waiting, RE_ENTRY the re-entries, SIMULTANEOUS/SUCCESSIVE the same
-- risk alerts again) or are about the services rather than the child (overdue referrals or plan actions,
-- no contact, over-intervention). Otherwise the rules would move a child up a list by themselves.
-- Unlike the facts, the priority is a figure of today: it reads current_date and now().
DROP VIEW IF EXISTS waiting_priority CASCADE;
CREATE VIEW waiting_priority AS
WITH v AS (
    SELECT w.entry_id, w.comuna_id, w.program_id, w.case_id, w.entered_at,
           we.override_position,
           CASE WHEN age(current_date, ch.birth_date) < INTERVAL '6 years' THEN 1.0
                WHEN age(current_date, ch.birth_date) < INTERVAL '12 years' THEN 0.5 ELSE 0 END AS v_age_band,
           (SELECT coalesce(sum(CASE a.severity WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END), 0)
              FROM fact_alert a WHERE a.case_id = w.case_id AND a.is_open AND a.source <> 'RULE') AS v_alerts,
           (SELECT count(*) FROM fact_episode e WHERE e.child_id = w.child_id AND e.is_reentry
               AND e.started_on >= current_date - INTERVAL '5 years' AND e.started_on <= current_date) AS v_reentries,
           CASE WHEN w.court_ordered THEN 1 ELSE 0 END AS v_court_order,
           round(extract(epoch FROM (now() - w.entered_at)) / 86400.0 / 30.0, 2) AS v_months_waiting,
           CASE WHEN (SELECT count(DISTINCT a.kind) FROM fact_alert a
                       WHERE a.case_id = w.case_id AND a.is_open AND a.source <> 'RULE') >= 2 THEN 1 ELSE 0 END
               AS v_multiple_vulnerabilities,
           CASE w.urgency WHEN 'HIGH' THEN 1.0 WHEN 'NORMAL' THEN 0.5 ELSE 0 END AS v_urgency
    FROM fact_waiting w
    JOIN waiting_entry we ON we.id = w.entry_id
    JOIN child ch ON ch.id = w.child_id
    WHERE w.is_open
), wt AS (
    SELECT comuna_id,
           max(weight) FILTER (WHERE criterion = 'AGE_BAND') AS w_age_band,
           max(weight) FILTER (WHERE criterion = 'ALERTS') AS w_alerts,
           max(weight) FILTER (WHERE criterion = 'REENTRIES') AS w_reentries,
           max(weight) FILTER (WHERE criterion = 'COURT_ORDER') AS w_court_order,
           max(weight) FILTER (WHERE criterion = 'MONTHS_WAITING') AS w_months_waiting,
           max(weight) FILTER (WHERE criterion = 'MULTIPLE_VULNERABILITIES') AS w_multiple_vulnerabilities,
           max(weight) FILTER (WHERE criterion = 'URGENCY') AS w_urgency
    FROM priority_weight GROUP BY comuna_id
), p AS (
    SELECT v.*,
           round(v.v_age_band * coalesce(wt.w_age_band, 0), 2) AS p_age_band,
           round(v.v_alerts * coalesce(wt.w_alerts, 0), 2) AS p_alerts,
           round(v.v_reentries * coalesce(wt.w_reentries, 0), 2) AS p_reentries,
           round(v.v_court_order * coalesce(wt.w_court_order, 0), 2) AS p_court_order,
           round(v.v_months_waiting * coalesce(wt.w_months_waiting, 0), 2) AS p_months_waiting,
           round(v.v_multiple_vulnerabilities * coalesce(wt.w_multiple_vulnerabilities, 0), 2) AS p_multiple_vulnerabilities,
           round(v.v_urgency * coalesce(wt.w_urgency, 0), 2) AS p_urgency
    FROM v LEFT JOIN wt ON wt.comuna_id = v.comuna_id
)
SELECT p.*, p_age_band + p_alerts + p_reentries + p_court_order + p_months_waiting + p_multiple_vulnerabilities
           + p_urgency AS score
FROM p;
