-- The case table's read model (V25): how a case's row is computed and the triggers that recompute it in
-- the same transaction as every fact that changes it. The definitions come from the shared fact views
-- (R__facts.sql: fact_stay, fact_alert, fact_referral, fact_waiting) and the waiting priority view, so the
-- table says what the rest of the portal says. The functions are PL/pgSQL, whose bodies PostgreSQL does not
-- resolve when they are created: this file may run before R__facts.sql (Flyway orders repeatables by name).
-- A change here marks the model for a rebuild, which DatabaseMigrator runs after the migrations.
--
-- Priority without decay: a waiting entry's priority grows with its months of waiting (weight w of the
-- comuna's MONTHS_WAITING criterion, a month being 30 days), so it is stored as a key from which the
-- priority at any instant t follows: priority(t) = priority_key + w * epoch(t) / 2592000. Within a comuna
-- (one w) the order by key is the order by priority at every instant. The only other time-dependent part,
-- the child's age band, changes on a known day (band_changes_on); case_table_row_refresh_due refreshes the
-- rows whose day has come before the table is read.

CREATE OR REPLACE FUNCTION refresh_case_table_row(p_case_id BIGINT) RETURNS VOID
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO case_table_row AS t (case_id, comuna_id, code, status, opened_on, birth_date, sector, programs,
                                     active_programs, family_programs, open_alerts, alert_level, pending_referrals,
                                     waiting_since, priority_key, band_changes_on, refreshed_at)
    SELECT c.id, c.comuna_id, c.code, c.status, c.opened_on, ch.birth_date, coalesce(ch.sector, f.sector),
           (SELECT string_agg(p.acronym, ', ' ORDER BY p.acronym) FROM fact_stay s JOIN program p ON p.id = s.program_id
             WHERE s.case_id = c.id AND s.is_active),
           (SELECT count(DISTINCT s.program_id) FROM fact_stay s WHERE s.case_id = c.id AND s.is_active),
           CASE WHEN ch.family_id IS NULL THEN 0 ELSE
               (SELECT count(DISTINCT s.program_id) FROM fact_stay s JOIN child fch ON fch.id = s.child_id
                 WHERE fch.family_id = ch.family_id AND s.is_active) END,
           (SELECT count(*) FROM fact_alert a WHERE a.case_id = c.id AND a.is_open),
           (SELECT max(CASE a.severity WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END)
              FROM fact_alert a WHERE a.case_id = c.id AND a.is_open),
           (SELECT count(*) FROM fact_referral r WHERE r.case_id = c.id AND r.is_pending),
           (SELECT min(w.entered_at) FROM fact_waiting w WHERE w.case_id = c.id AND w.is_open),
           (SELECT max(wp.score - wp.p_months_waiting
                       - coalesce(pw.weight, 0) * extract(epoch FROM wp.entered_at) / 2592000)
              FROM waiting_priority wp
              LEFT JOIN priority_weight pw ON pw.comuna_id = wp.comuna_id AND pw.criterion = 'MONTHS_WAITING'
             WHERE wp.case_id = c.id),
           CASE WHEN NOT EXISTS (SELECT 1 FROM fact_waiting w WHERE w.case_id = c.id AND w.is_open) THEN NULL
                WHEN current_date < ch.birth_date + INTERVAL '6 years' THEN CAST(ch.birth_date + INTERVAL '6 years' AS DATE)
                WHEN current_date < ch.birth_date + INTERVAL '12 years' THEN CAST(ch.birth_date + INTERVAL '12 years' AS DATE)
           END,
           now()
    FROM case_file c
    JOIN child ch ON ch.id = c.child_id
    LEFT JOIN family f ON f.id = ch.family_id
    WHERE c.id = p_case_id
    ON CONFLICT (case_id) DO UPDATE SET
        comuna_id = EXCLUDED.comuna_id, code = EXCLUDED.code, status = EXCLUDED.status,
        opened_on = EXCLUDED.opened_on, birth_date = EXCLUDED.birth_date, sector = EXCLUDED.sector,
        programs = EXCLUDED.programs, active_programs = EXCLUDED.active_programs,
        family_programs = EXCLUDED.family_programs, open_alerts = EXCLUDED.open_alerts,
        alert_level = EXCLUDED.alert_level, pending_referrals = EXCLUDED.pending_referrals,
        waiting_since = EXCLUDED.waiting_since, priority_key = EXCLUDED.priority_key,
        band_changes_on = EXCLUDED.band_changes_on, refreshed_at = EXCLUDED.refreshed_at
    -- a row that would not change is not written (a sibling's refresh, a note on an alert): no new version,
    -- no index entries
    WHERE (t.comuna_id, t.code, t.status, t.opened_on, t.birth_date, t.sector, t.programs, t.active_programs,
           t.family_programs, t.open_alerts, t.alert_level, t.pending_referrals, t.waiting_since, t.priority_key,
           t.band_changes_on)
          IS DISTINCT FROM
          (EXCLUDED.comuna_id, EXCLUDED.code, EXCLUDED.status, EXCLUDED.opened_on, EXCLUDED.birth_date,
           EXCLUDED.sector, EXCLUDED.programs, EXCLUDED.active_programs, EXCLUDED.family_programs,
           EXCLUDED.open_alerts, EXCLUDED.alert_level, EXCLUDED.pending_referrals, EXCLUDED.waiting_since,
           EXCLUDED.priority_key, EXCLUDED.band_changes_on);
END;
$$;

-- Every case of a child's family (the family's program count is in each of their rows), or of the child
-- alone when it has no family.
CREATE OR REPLACE FUNCTION refresh_case_table_rows_of_family(p_child_id BIGINT, p_family_id BIGINT) RETURNS VOID
    LANGUAGE plpgsql
AS $$
DECLARE
    v_case BIGINT;
BEGIN
    FOR v_case IN
        SELECT cf.id FROM case_file cf JOIN child ch ON ch.id = cf.child_id
         WHERE ch.id = p_child_id OR (p_family_id IS NOT NULL AND ch.family_id = p_family_id)
         ORDER BY cf.id -- rows locked in one order: two siblings' changes at once wait for each other
    LOOP
        PERFORM refresh_case_table_row(v_case);
    END LOOP;
END;
$$;

CREATE OR REPLACE FUNCTION refresh_case_table_rows_of_case_family(p_case_id BIGINT) RETURNS VOID
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM refresh_case_table_rows_of_family(ch.id, ch.family_id)
       FROM case_file cf JOIN child ch ON ch.id = cf.child_id WHERE cf.id = p_case_id;
END;
$$;

-- The rows whose child changes age band today or earlier (see above); how many were refreshed.
CREATE OR REPLACE FUNCTION case_table_row_refresh_due(p_comuna_id BIGINT) RETURNS INTEGER
    LANGUAGE plpgsql
AS $$
DECLARE
    v_case BIGINT;
    v_count INTEGER := 0;
BEGIN
    FOR v_case IN
        SELECT case_id FROM case_table_row WHERE band_changes_on <= current_date AND comuna_id = p_comuna_id
           FOR UPDATE SKIP LOCKED
    LOOP
        PERFORM refresh_case_table_row(v_case);
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END;
$$;

-- Every row again (after a change of this file); returns the number of cases.
CREATE OR REPLACE FUNCTION case_table_row_rebuild() RETURNS INTEGER
    LANGUAGE plpgsql
AS $$
DECLARE
    v_case BIGINT;
    v_count INTEGER := 0;
BEGIN
    FOR v_case IN SELECT id FROM case_file ORDER BY id LOOP
        PERFORM refresh_case_table_row(v_case);
        v_count := v_count + 1;
    END LOOP;
    UPDATE case_table_row_state SET rebuild_needed = false, rebuilt_at = now() WHERE id = 1;
    RETURN v_count;
END;
$$;

-- ------------------------------------------------------------------ triggers on the facts

CREATE OR REPLACE FUNCTION case_table_row_on_case() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM refresh_case_table_row(NEW.id);
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION case_table_row_on_child() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM refresh_case_table_rows_of_family(NEW.id, NEW.family_id);
    IF OLD.family_id IS DISTINCT FROM NEW.family_id AND OLD.family_id IS NOT NULL THEN
        PERFORM refresh_case_table_rows_of_family(NEW.id, OLD.family_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION case_table_row_on_family() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
DECLARE
    v_case BIGINT;
BEGIN
    FOR v_case IN SELECT cf.id FROM case_file cf JOIN child ch ON ch.id = cf.child_id WHERE ch.family_id = NEW.id
                   ORDER BY cf.id LOOP
        PERFORM refresh_case_table_row(v_case);
    END LOOP;
    RETURN NULL;
END;
$$;

-- a stay changes the case's programs and its family's: every case of the family
CREATE OR REPLACE FUNCTION case_table_row_on_stay() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM refresh_case_table_rows_of_case_family(OLD.case_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.case_id IS DISTINCT FROM OLD.case_id) THEN
        PERFORM refresh_case_table_rows_of_case_family(NEW.case_id);
    END IF;
    RETURN NULL;
END;
$$;

-- alerts, referrals and waiting entries change their own case's row
CREATE OR REPLACE FUNCTION case_table_row_on_case_fact() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM refresh_case_table_row(OLD.case_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.case_id IS DISTINCT FROM OLD.case_id) THEN
        PERFORM refresh_case_table_row(NEW.case_id);
    END IF;
    RETURN NULL;
END;
$$;

-- new weights reorder the comuna's waiting cases
CREATE OR REPLACE FUNCTION case_table_row_on_weight() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
DECLARE
    v_case BIGINT;
BEGIN
    FOR v_case IN SELECT DISTINCT w.case_id FROM fact_waiting w
                   WHERE w.comuna_id = coalesce(NEW.comuna_id, OLD.comuna_id) AND w.is_open
                   ORDER BY w.case_id LOOP
        PERFORM refresh_case_table_row(v_case);
    END LOOP;
    RETURN NULL;
END;
$$;

-- a program's new acronym shows in the rows of the cases it works with
CREATE OR REPLACE FUNCTION case_table_row_on_program() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
DECLARE
    v_case BIGINT;
BEGIN
    FOR v_case IN SELECT DISTINCT i.case_id FROM fact_stay i WHERE i.program_id = NEW.id AND i.is_active
                   ORDER BY i.case_id LOOP
        PERFORM refresh_case_table_row(v_case);
    END LOOP;
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS case_table_row_case ON case_file;
CREATE TRIGGER case_table_row_case AFTER INSERT OR UPDATE OF comuna_id, code, child_id, status, opened_on ON case_file
    FOR EACH ROW EXECUTE FUNCTION case_table_row_on_case();

DROP TRIGGER IF EXISTS case_table_row_child ON child;
CREATE TRIGGER case_table_row_child AFTER UPDATE OF family_id, birth_date, sector ON child
    FOR EACH ROW WHEN (OLD.family_id IS DISTINCT FROM NEW.family_id OR OLD.birth_date IS DISTINCT FROM NEW.birth_date
                       OR OLD.sector IS DISTINCT FROM NEW.sector)
    EXECUTE FUNCTION case_table_row_on_child();

DROP TRIGGER IF EXISTS case_table_row_family ON family;
CREATE TRIGGER case_table_row_family AFTER UPDATE OF sector ON family
    FOR EACH ROW WHEN (OLD.sector IS DISTINCT FROM NEW.sector) EXECUTE FUNCTION case_table_row_on_family();

DROP TRIGGER IF EXISTS case_table_row_stay ON case_involvement;
CREATE TRIGGER case_table_row_stay AFTER INSERT OR UPDATE OR DELETE ON case_involvement
    FOR EACH ROW EXECUTE FUNCTION case_table_row_on_stay();

DROP TRIGGER IF EXISTS case_table_row_alert ON vulnerability_alert;
CREATE TRIGGER case_table_row_alert AFTER INSERT OR UPDATE OF case_id, state, severity, kind, source OR DELETE
    ON vulnerability_alert FOR EACH ROW EXECUTE FUNCTION case_table_row_on_case_fact();

DROP TRIGGER IF EXISTS case_table_row_referral ON referral;
CREATE TRIGGER case_table_row_referral AFTER INSERT OR UPDATE OF case_id, state OR DELETE ON referral
    FOR EACH ROW EXECUTE FUNCTION case_table_row_on_case_fact();

DROP TRIGGER IF EXISTS case_table_row_waiting ON waiting_entry;
CREATE TRIGGER case_table_row_waiting AFTER INSERT OR UPDATE OR DELETE ON waiting_entry
    FOR EACH ROW EXECUTE FUNCTION case_table_row_on_case_fact();

DROP TRIGGER IF EXISTS case_table_row_weight ON priority_weight;
CREATE TRIGGER case_table_row_weight AFTER INSERT OR UPDATE OR DELETE ON priority_weight
    FOR EACH ROW EXECUTE FUNCTION case_table_row_on_weight();

DROP TRIGGER IF EXISTS case_table_row_program ON program;
CREATE TRIGGER case_table_row_program AFTER UPDATE OF acronym ON program
    FOR EACH ROW WHEN (OLD.acronym IS DISTINCT FROM NEW.acronym) EXECUTE FUNCTION case_table_row_on_program();

-- this file changed: the rows are rebuilt with its definitions after the migrations (DatabaseMigrator)
UPDATE case_table_row_state SET rebuild_needed = true WHERE id = 1;
