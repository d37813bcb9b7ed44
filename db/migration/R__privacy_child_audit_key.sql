-- Which child an audit row concerns: every (entity_type, entity_id) the services audit under a record of a
-- child, mapped to that child. The access report (one child) and the breach register (a window of some
-- accounts) join audit_event to this view on (entity_type, entity_id); a family-level record concerns every
-- child of the family. category: the data category told in a breach notice.
CREATE OR REPLACE VIEW child_audit_key AS
    SELECT 'CHILD'::varchar AS entity_type, CAST(ch.id AS varchar) AS entity_id, ch.id AS child_id,
           'IDENTITY'::varchar AS category FROM child ch
    UNION ALL SELECT k.t, CAST(c.id AS varchar), c.child_id, 'CASE_PROCESS' FROM case_file c
        CROSS JOIN (VALUES ('CASE'), ('CASE_REGISTRY'), ('CASE_WAITING')) AS k(t)
    UNION ALL SELECT 'CASE_INVOLVEMENT', CAST(i.id AS varchar), c.child_id, 'CASE_PROCESS'
        FROM case_involvement i JOIN case_file c ON c.id = i.case_id
    UNION ALL SELECT 'ACCESS_REQUEST', CAST(a.id AS varchar), c.child_id, 'CASE_PROCESS'
        FROM access_request a JOIN case_file c ON c.id = a.case_id
    UNION ALL SELECT 'REFERRAL', CAST(r.id AS varchar), c.child_id, 'CASE_PROCESS'
        FROM referral r JOIN case_file c ON c.id = r.case_id
    UNION ALL SELECT 'WAITING_ENTRY', CAST(w.id AS varchar), c.child_id, 'CASE_PROCESS'
        FROM waiting_entry w JOIN case_file c ON c.id = w.case_id
    UNION ALL SELECT 'VULNERABILITY_ALERT', CAST(a.id AS varchar), c.child_id, 'RISK'
        FROM vulnerability_alert a JOIN case_file c ON c.id = a.case_id
    UNION ALL SELECT 'DIAGNOSIS', CAST(d.id AS varchar), c.child_id, 'DIAGNOSIS'
        FROM diagnosis d JOIN case_file c ON c.id = d.case_id
    UNION ALL SELECT k.t, CAST(x.id AS varchar), c.child_id, 'PLAN'
        FROM plan_action x JOIN work_plan w ON w.id = x.plan_id JOIN case_file c ON c.id = w.case_id
        CROSS JOIN (VALUES ('PLAN_ACTION')) AS k(t)
    UNION ALL SELECT 'PLAN_GOAL', CAST(x.id AS varchar), c.child_id, 'PLAN'
        FROM plan_goal x JOIN work_plan w ON w.id = x.plan_id JOIN case_file c ON c.id = w.case_id
    UNION ALL SELECT 'PLAN_REVIEW', CAST(x.id AS varchar), c.child_id, 'PLAN'
        FROM plan_review x JOIN work_plan w ON w.id = x.plan_id JOIN case_file c ON c.id = w.case_id
    UNION ALL SELECT 'FOLLOWUP_TASK', CAST(t.id AS varchar), c.child_id, 'CASE_PROCESS'
        FROM followup_task t JOIN case_file c ON c.id = t.case_id
    UNION ALL SELECT 'FOLLOWUP_ENTRY', CAST(e.id AS varchar), c.child_id, 'CASE_PROCESS'
        FROM followup_entry e JOIN case_file c ON c.id = e.case_id
    UNION ALL SELECT 'MGC_CASE_ITEM', CAST(m.id AS varchar), c.child_id, 'TABLE'
        FROM mgc_case_item m JOIN case_file c ON c.id = m.case_id
    UNION ALL SELECT 'FAMILY', CAST(ch.family_id AS varchar), ch.id, 'FAMILY' FROM child ch WHERE ch.family_id IS NOT NULL
    UNION ALL SELECT 'FAMILY_ADULT', CAST(fa.id AS varchar), ch.id, 'FAMILY'
        FROM family_adult fa JOIN child ch ON ch.family_id = fa.family_id
    UNION ALL SELECT 'ACCOMPANIMENT_SESSION', CAST(s.id AS varchar), ch.id, 'FAMILY'
        FROM accompaniment_session s JOIN accompaniment a ON a.id = s.accompaniment_id
        JOIN child ch ON ch.family_id = a.family_id;
