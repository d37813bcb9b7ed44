-- Breach register speed (issue 15): the computation of privacy/control/BreachQuery over 1,000,000 audit rows.
-- Run against a migrated portal database (the demo data gives the children and cases):
--   psql -h 127.0.0.1 -p PORT -U postgres -d portal -f bench/sql/privacy-breach.sql
-- Everything happens in one transaction that is rolled back: the database is left as it was.
\timing on
BEGIN;
-- a database with few cases (a bare schema) gets 20,000 children with a case each, in comuna 99915
INSERT INTO comuna (code, name, region) SELECT '99915', 'Comuna Banco de Pruebas', 'Región Demo'
WHERE (SELECT count(*) FROM case_file) < 1000 AND NOT EXISTS (SELECT 1 FROM comuna WHERE code = '99915');
INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, birth_date, sex)
SELECT c.id, 'banco de pruebas', 'Nino' || g, 'Banco', current_date - (g % 6500), 'F'
FROM generate_series(1, 20000) g JOIN comuna c ON c.code = '99915' WHERE (SELECT count(*) FROM case_file) < 1000;
INSERT INTO case_file (comuna_id, code, child_id, opened_on)
SELECT comuna_id, 'BEN-' || id, id, current_date - 100 FROM child WHERE no_run_reason = 'banco de pruebas';
-- 1,000,000 audit rows over 30 days by 200 accounts, reading the cases that exist (and some lists)
INSERT INTO audit_event (occurred_at, username, role, comuna_id, action, entity_type, entity_id, outcome)
SELECT now() - (random() * interval '30 days'), 'bench' || (g % 200), 'PROFESIONAL',
       k.comunas[1 + g % array_length(k.ids, 1)],
       CASE WHEN g % 10 = 0 THEN 'LIST' ELSE 'READ' END,
       CASE WHEN g % 10 = 0 THEN 'CASE_TABLE' WHEN g % 3 = 0 THEN 'CASE_REGISTRY' ELSE 'CASE' END,
       CASE WHEN g % 10 = 0 THEN NULL ELSE CAST(k.ids[1 + g % array_length(k.ids, 1)] AS varchar) END, 'SUCCESS'
FROM generate_series(1, 1000000) g,
     (SELECT array_agg(id ORDER BY id) AS ids, array_agg(comuna_id ORDER BY id) AS comunas FROM case_file) k;
ANALYZE audit_event;
SELECT count(*) AS audit_rows FROM audit_event;
-- the breach of 3 accounts over 3 days in the busiest comuna (BreachQuery's statement)
\set accounts '{"bench1","bench2","bench3"}'
SELECT comuna_id AS busiest FROM case_file GROUP BY comuna_id ORDER BY count(*) DESC LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS, SUMMARY)
WITH reached AS (
  SELECT k.child_id, k.category
  FROM audit_event e
  JOIN child_audit_key k ON k.entity_type = e.entity_type AND k.entity_id = e.entity_id
  WHERE e.username = ANY (CAST(:'accounts' AS varchar[])) AND e.occurred_at >= now() - interval '3 days'
    AND e.occurred_at < now() AND e.outcome = 'SUCCESS' AND e.action IN ('READ', 'LIST', 'EXPORT', 'UPDATE', 'CREATE')
), children AS (
  SELECT DISTINCT r.child_id, ch.birth_date FROM reached r JOIN child ch ON ch.id = r.child_id
  WHERE ch.comuna_id = :busiest
)
SELECT (SELECT count(*) FROM children),
       (SELECT count(*) FROM children WHERE birth_date > CAST(now() - interval '3 days' AS DATE) - INTERVAL '14 years'),
       (SELECT string_agg(DISTINCT r.category, ',') FROM reached r WHERE r.child_id IN (SELECT child_id FROM children));
-- the same over all 200 accounts and the whole 30 days (the worst case: every row of the trail)
\set accounts_all `psql -V >/dev/null; printf '{'; for i in $(seq 0 199); do printf '"bench%s"' $i; [ $i -lt 199 ] && printf ','; done; printf '}'`
EXPLAIN (ANALYZE, SUMMARY)
WITH reached AS (
  SELECT k.child_id, k.category
  FROM audit_event e
  JOIN child_audit_key k ON k.entity_type = e.entity_type AND k.entity_id = e.entity_id
  WHERE e.username = ANY (CAST(:'accounts_all' AS varchar[])) AND e.occurred_at >= now() - interval '31 days'
    AND e.occurred_at < now() AND e.outcome = 'SUCCESS' AND e.action IN ('READ', 'LIST', 'EXPORT', 'UPDATE', 'CREATE')
), children AS (
  SELECT DISTINCT r.child_id, ch.birth_date FROM reached r JOIN child ch ON ch.id = r.child_id
  WHERE ch.comuna_id = :busiest
)
SELECT (SELECT count(*) FROM children),
       (SELECT count(*) FROM children WHERE birth_date > CAST(now() - interval '31 days' AS DATE) - INTERVAL '14 years'),
       (SELECT string_agg(DISTINCT r.category, ',') FROM reached r WHERE r.child_id IN (SELECT child_id FROM children));
ROLLBACK;
