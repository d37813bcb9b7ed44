-- A comuna far larger than a real one, for the HTTP benchmark (bench/http/run.sh): 20,000 cases of
-- 10,000 families, 40 programs, about 60,000 referrals, 10,000 waiting entries, 30,000 alerts,
-- 1,000,000 audit rows, 200 users (100 co-facilitators bench.cofa.N, 100 professionals bench.prof.N, the
-- demo password: the hash is copied from the demo coordinator), and a table of the Case Management Table
-- with a planned session (the agenda) and a held one with 300 agreements. Comuna code 98101.
-- A bulk load: triggers are off while the rows arrive (row by row, the case table's read model would
-- recompute a case some 150,000 times), then the comuna gets its priority weights (V7's trigger did not
-- fire) and the read model is rebuilt once, as after a change of its definition.
SET session_replication_role = replica;
SELECT setseed(0.42);
INSERT INTO comuna (code, name, region) VALUES ('98101', 'Comuna Carga', 'Región Benchmark');
SELECT default_priority_weights(id) FROM comuna WHERE code = '98101';

INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at, confirmed_by)
SELECT co.id, 'P' || g, 'Programa ' || g, 'PROTECTION', 'ACTIVE', 500, CASE WHEN g % 4 = 0 THEN 500 ELSE 250 END,
       now(), 'bench'
FROM comuna co CROSS JOIN generate_series(1, 40) g WHERE co.code = '98101';

INSERT INTO family (comuna_id, code, surname, sector)
SELECT co.id, 'CF-' || g, 'Familia ' || g, 'Sector ' || (g % 12) FROM comuna co CROSS JOIN generate_series(1, 10000) g
WHERE co.code = '98101';

INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname, maternal_surname, birth_date, sex, sector)
SELECT f.comuna_id, f.id, 'bench', (ARRAY['Ana','Benja','Catalina','Diego','Emilia','Felipe'])[1 + (random() * 5)::int],
       'Apellido', 'Materno', current_date - (365 + (random() * 16 * 365)::int), 'F', f.sector
FROM family f CROSS JOIN generate_series(1, 2) k JOIN comuna co ON co.id = f.comuna_id AND co.code = '98101';

INSERT INTO case_file (comuna_id, code, child_id, opened_on, status)
SELECT ch.comuna_id, 'CC-' || ch.id, ch.id, current_date - (random() * 700)::int,
       CASE WHEN random() < 0.15 THEN 'CLOSED' ELSE 'OPEN' END
FROM child ch JOIN comuna co ON co.id = ch.comuna_id AND co.code = '98101';

-- one to three programs per case, about one stay in ten already ended
INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on)
SELECT cf.comuna_id, cf.id, p.id, cf.opened_on, CASE WHEN random() < 0.1 THEN cf.opened_on + 30 END
FROM case_file cf JOIN comuna co ON co.id = cf.comuna_id AND co.code = '98101'
CROSS JOIN LATERAL (SELECT id FROM program WHERE comuna_id = cf.comuna_id ORDER BY random() + cf.id * 0
                    LIMIT 1 + (random() * random() * 3)::int) p;

-- three referrals per case on average; the WAITING ones become the waiting entries (about 10,000)
INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, urgency, reason, rejection_reason,
                      sent_at, answered_at, due_on)
SELECT x.comuna_id, x.id, (SELECT min(program_id) FROM case_involvement i WHERE i.case_id = x.id),
       (SELECT id FROM program WHERE comuna_id = x.comuna_id AND acronym = 'P' || (1 + (x.id + x.k * 7) % 40)),
       x.state, (ARRAY['LOW','NORMAL','HIGH'])[1 + (random() * 2)::int], 'Derivación de carga',
       CASE WHEN x.state = 'REJECTED' THEN 'bench' END, x.sent,
       CASE WHEN x.state NOT IN ('SENT', 'RECEIVED') THEN x.sent + interval '3 days' END,
       CAST(x.sent AS DATE) + 10
FROM (SELECT cf.id, cf.comuna_id, k, now() - (random() * 200 || ' days')::interval AS sent,
             CASE WHEN r < 0.167 THEN 'WAITING' WHEN r < 0.30 THEN 'SENT' WHEN r < 0.40 THEN 'RECEIVED'
                  WHEN r < 0.75 THEN 'ADMITTED' WHEN r < 0.90 THEN 'REJECTED' ELSE 'WITHDRAWN' END AS state
      FROM case_file cf JOIN comuna co ON co.id = cf.comuna_id AND co.code = '98101'
      CROSS JOIN generate_series(1, 3) k CROSS JOIN LATERAL (SELECT random() + k * 0 + cf.id * 0 AS r) rr) x;

INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, urgency, court_ordered)
SELECT DISTINCT ON (r.to_program_id, r.case_id) r.comuna_id, r.to_program_id, r.case_id, r.id, r.answered_at,
       r.urgency, random() < 0.1
FROM referral r JOIN comuna co ON co.id = r.comuna_id AND co.code = '98101' WHERE r.state = 'WAITING';

INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, state, raised_by, raised_at, escalated_at)
SELECT cf.comuna_id, cf.id, (ARRAY['VIOLENCE','NEGLECT','SCHOOL_DROPOUT'])[1 + (random() * 2)::int], sev,
       CASE WHEN random() < 0.6 THEN 'RESOLVED' ELSE 'OPEN' END, 'bench', now() - (random() * 300 || ' days')::interval,
       CASE WHEN sev = 'HIGH' THEN now() - (random() * 30 || ' days')::interval END
FROM case_file cf JOIN comuna co ON co.id = cf.comuna_id AND co.code = '98101'
CROSS JOIN generate_series(1, 3) k
CROSS JOIN LATERAL (SELECT (ARRAY['LOW','MEDIUM','HIGH'])[1 + (random() * 2 + k * 0)::int] AS sev) s
WHERE random() < 0.5;
UPDATE vulnerability_alert SET resolved_at = raised_at + interval '5 days', resolved_by = 'bench'
WHERE state = 'RESOLVED' AND resolved_at IS NULL AND raised_by = 'bench';

INSERT INTO app_user (username, full_name, email, role, comuna_id, program_id, password_hash)
SELECT 'bench.cofa.' || g, 'Cofacilitador ' || g, 'bench.cofa.' || g || '@demo.cl', 'COFACILITADOR', co.id, NULL,
       (SELECT password_hash FROM app_user WHERE username = 'coordinador')
FROM comuna co CROSS JOIN generate_series(1, 100) g WHERE co.code = '98101';
INSERT INTO app_user (username, full_name, email, role, comuna_id, program_id, password_hash)
SELECT 'bench.prof.' || g, 'Profesional ' || g, 'bench.prof.' || g || '@demo.cl', 'PROFESIONAL', co.id,
       (SELECT id FROM program WHERE comuna_id = co.id AND acronym = 'P' || (1 + g % 40)),
       (SELECT password_hash FROM app_user WHERE username = 'coordinador')
FROM comuna co CROSS JOIN generate_series(1, 100) g WHERE co.code = '98101';

INSERT INTO mgc_table (comuna_id, name, created_by) SELECT id, 'Mesa Comuna Carga', 'bench' FROM comuna WHERE code = '98101';
INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, state, ical_uid, created_by)
SELECT t.id, t.comuna_id, s.starts, s.starts + interval '2 hours', s.state, 'bench-' || s.state || '-' || t.id, 'bench'
FROM mgc_table t JOIN comuna co ON co.id = t.comuna_id AND co.code = '98101'
CROSS JOIN (VALUES (now() + interval '7 days', 'PLANNED'), (now() - interval '21 days', 'HELD')) s(starts, state);
INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution, responsible_name,
                           due_on, status, created_by)
SELECT s.table_id, s.comuna_id, s.id, 'Acuerdo de carga ' || g, 'Programa P' || (1 + g % 40), 'Responsable ' || g,
       current_date + (g % 60) - 20, (ARRAY['PENDING','IN_PROGRESS','PENDING'])[1 + g % 3], 'bench'
FROM mgc_session s JOIN comuna co ON co.id = s.comuna_id AND co.code = '98101' CROSS JOIN generate_series(1, 300) g
WHERE s.state = 'HELD';

INSERT INTO audit_event (occurred_at, username, role, comuna_id, action, entity_type, entity_id, outcome, detail)
SELECT now() - (g || ' seconds')::interval, 'bench.cofa.' || (1 + g % 100), 'COFACILITADOR', co.id, 'READ', 'CASE',
       (g % 20000)::text, 'SUCCESS', 'carga'
FROM comuna co CROSS JOIN generate_series(1, 1000000) g WHERE co.code = '98101';

SET session_replication_role = origin;
ANALYZE; -- before the rebuild: on tables without statistics its per-case statements plan badly (20 ms a case)
SELECT case_table_row_rebuild();
ANALYZE case_table_row;
