-- Issue 5: the unified priority counts the alerts people raise (risk signals at access and manual alerts),
-- not the ones the automatic rules derive: those repeat criteria the priority already weighs (LONG_WAIT is
-- the time waiting, RE_ENTRY the re-entries, SIMULTANEOUS/SUCCESSIVE the same risk alerts again) or are
-- about the services rather than the child (overdue referrals or plan actions, no contact, over-intervention).
-- Otherwise the rules, now also run right after every change, would move a child up a list by themselves.
CREATE OR REPLACE VIEW waiting_priority AS
WITH v AS (
    SELECT w.id AS entry_id, w.comuna_id, w.program_id, w.case_id, w.entered_at,
           w.override_position,
           CASE WHEN age(current_date, ch.birth_date) < INTERVAL '6 years' THEN 1.0
                WHEN age(current_date, ch.birth_date) < INTERVAL '12 years' THEN 0.5 ELSE 0 END AS v_age_band,
           (SELECT coalesce(sum(CASE a.severity WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END), 0)
              FROM vulnerability_alert a WHERE a.case_id = w.case_id AND a.state <> 'RESOLVED' AND a.source <> 'RULE') AS v_alerts,
           (SELECT greatest(count(*) - 1, 0) FROM case_involvement i JOIN case_file cf ON cf.id = i.case_id
             WHERE cf.child_id = ch.id AND i.started_on >= current_date - INTERVAL '5 years') AS v_reentries,
           CASE WHEN w.court_ordered THEN 1 ELSE 0 END AS v_court_order,
           round(extract(epoch FROM (now() - w.entered_at)) / 86400.0 / 30.0, 2) AS v_months_waiting,
           CASE WHEN (SELECT count(DISTINCT a.kind) FROM vulnerability_alert a
                       WHERE a.case_id = w.case_id AND a.state <> 'RESOLVED' AND a.source <> 'RULE') >= 2 THEN 1 ELSE 0 END
               AS v_multiple_vulnerabilities,
           CASE w.urgency WHEN 'HIGH' THEN 1.0 WHEN 'NORMAL' THEN 0.5 ELSE 0 END AS v_urgency
    FROM waiting_entry w
    JOIN case_file c ON c.id = w.case_id
    JOIN child ch ON ch.id = c.child_id
    WHERE w.exited_at IS NULL
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
