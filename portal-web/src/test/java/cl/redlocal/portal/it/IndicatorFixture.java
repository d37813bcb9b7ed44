package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Indicators with known numerators and denominators (issue 11), quarter 2025-Q2, written with plain SQL.
 *
 * <pre>
 * Comuna Indicadores (99941, Región Indicadores Norte): programs IPA (10 slots), IPB (4), IPC, IPD, IPE (0);
 *   a child and case per letter IND-41-A .. IND-41-M and IND-41-W.
 *   DER_PLAZO 4/6 (one late, one unanswered, a withdrawn one left out)   DER_DIAS median 10 of 5 answers
 *   DER_ACEPTADAS 4/5        ESP_MEDIANA 30 and ESP_P90 46 of 5 exits     ESP_LARGO 2 open at the close
 *   DIAG_OPORTUNO 2/4        PLAN_INTEGRADO 1/3       SOBRE_INTERVENCION 1 (E in four programs)
 *   EGRESO_LOGRO 1/3         NO_REINGRESO_24M 2/3 (K re-enters within 24 months, L after)
 *   SEG_OPORTUNO 2/4         ALERTA_ALTA_7D 2/4       MESA_SESIONES 2/3 (a cancelled one is not planned)
 *   MESA_ASISTENCIA 5/8      ACUERDOS_PLAZO 1/3       OCUPACION 8/14     DEMANDA_OFERTA 10/14
 * Comuna Indicadores Vecina (99942, same region): 2025-Q2 published with DER_PLAZO 3/4, ESP_LARGO 4,
 *   ESP_MEDIANA 12 days of 4, MESA_SESIONES 5/5, OCUPACION 0/0.
 * Comuna Indicadores Sur (99943, Región Indicadores Sur): 2025-Q2 published with DER_PLAZO 10/20.
 * 2024-Q4 published for the three with DER_PLAZO 6/8, 3/4 and 10/20 (the comparison's sums).
 * Users (demo password): ind.coordinador, ind.cofacilitador, ind.profesional.a (IPA), ind.profesional.e (IPE),
 *   ind.cofacilitador.vecina (99942), ind.gestor (99941, supports 99942), ind.regional (99942, REGION),
 *   ind.nacional (99943, PAIS).
 * </pre>
 */
public final class IndicatorFixture {

    public static final String COMUNA = "99941";
    public static final String VECINA = "99942";
    public static final String SUR = "99943";
    public static final String COORDINATOR = "ind.coordinador";
    public static final String COFACILITATOR = "ind.cofacilitador";
    public static final String PROFESSIONAL_A = "ind.profesional.a";
    public static final String PROFESSIONAL_E = "ind.profesional.e";
    public static final String COFACILITATOR_VECINA = "ind.cofacilitador.vecina";
    public static final String MANAGER = "ind.gestor";
    public static final String REGIONAL = "ind.regional";
    public static final String NATIONAL = "ind.nacional";

    private static final String DATA = """
DO $fixture$
DECLARE
    co BIGINT; co2 BIGINT; co3 BIGINT;
    pa BIGINT; pb BIGINT; pc BIGINT; pd BIGINT; pe BIGINT;
    ch BIGINT; cs BIGINT; inv BIGINT; ref BIGINT; ins BIGINT; tb BIGINT; ses BIGINT; pl BIGINT; goal BIGINT;
    c_ BIGINT[] := '{}';
    n INTEGER;
    names TEXT[] := ARRAY['A','B','C','D','E','F','G','H','I','J','K','L','M','W'];
BEGIN
    INSERT INTO comuna (code, name, region) VALUES ('99941', 'Comuna Indicadores', 'Región Indicadores Norte') RETURNING id INTO co;
    INSERT INTO comuna (code, name, region) VALUES ('99942', 'Comuna Indicadores Vecina', 'Región Indicadores Norte') RETURNING id INTO co2;
    INSERT INTO comuna (code, name, region) VALUES ('99943', 'Comuna Indicadores Sur', 'Región Indicadores Sur') RETURNING id INTO co3;
    INSERT INTO program (comuna_id, acronym, name, sector, slots) VALUES (co, 'IPA', 'Programa A', 'PROTECTION', 10) RETURNING id INTO pa;
    INSERT INTO program (comuna_id, acronym, name, sector, slots) VALUES (co, 'IPB', 'Programa B', 'PROTECTION', 4) RETURNING id INTO pb;
    INSERT INTO program (comuna_id, acronym, name, sector, slots) VALUES (co, 'IPC', 'Programa C', 'HEALTH', 0) RETURNING id INTO pc;
    INSERT INTO program (comuna_id, acronym, name, sector, slots) VALUES (co, 'IPD', 'Programa D', 'EDUCATION', 0) RETURNING id INTO pd;
    INSERT INTO program (comuna_id, acronym, name, sector, slots) VALUES (co, 'IPE', 'Programa E', 'OTHER', 0) RETURNING id INTO pe;

    -- one child and case per letter: IND-41-A ... IND-41-W
    FOR n IN 1 .. array_length(names, 1) LOOP
        INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, birth_date, sex)
        VALUES (co, 'sin RUN', 'Niño ' || names[n], 'Indicadores', DATE '2012-01-01', CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END)
        RETURNING id INTO ch;
        INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (co, 'IND-41-' || names[n], ch, DATE '2022-01-01')
        RETURNING id INTO cs;
        c_ := c_ || cs;
    END LOOP;
    -- c_[1]=A 2=B 3=C 4=D 5=E 6=F 7=G 8=H 9=I 10=J 11=K 12=L 13=M 14=W

    -- stays (case_involvement)
    INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on, exit_reason, goals_achieved) VALUES
        (co, c_[1], pa, '2025-04-05', NULL, NULL, NULL),                    -- A admitted in Q2, diagnosed in time
        (co, c_[2], pa, '2025-04-10', NULL, NULL, NULL),                    -- B admitted, diagnosed late
        (co, c_[3], pb, '2025-05-01', NULL, NULL, NULL),                    -- C admitted, never diagnosed
        (co, c_[4], pa, '2025-05-02', NULL, NULL, NULL),                    -- D admitted twice, earlier diagnosis
        (co, c_[4], pb, '2025-05-20', NULL, NULL, NULL),
        (co, c_[5], pa, '2025-01-10', NULL, NULL, NULL),                    -- E in four programs
        (co, c_[5], pb, '2025-01-10', NULL, NULL, NULL),
        (co, c_[5], pc, '2025-01-10', NULL, NULL, NULL),
        (co, c_[5], pd, '2025-01-10', NULL, NULL, NULL),
        (co, c_[6], pa, '2024-12-01', NULL, NULL, NULL),                    -- F in two, no plan
        (co, c_[6], pc, '2024-12-01', NULL, NULL, NULL),
        (co, c_[7], pa, '2024-10-01', '2025-05-31', 'Egreso', 'YES'),        -- exits of Q2
        (co, c_[8], pb, '2025-01-10', '2025-06-15', 'Egreso', 'PARTLY'),
        (co, c_[9], pc, '2025-02-01', '2025-04-30', 'Egreso', 'NO'),
        (co, c_[10], pa, '2022-09-01', '2023-05-10', 'Egreso', 'YES'),      -- J: no re-entry
        (co, c_[11], pb, '2023-01-01', '2023-06-01', 'Egreso', 'YES'),      -- K: re-enters within 24 months
        (co, c_[11], pa, '2024-03-01', '2024-08-01', 'Egreso', 'NO'),
        (co, c_[12], pa, '2023-02-01', '2023-04-20', 'Egreso', 'YES'),      -- L: re-enters after 24 months
        (co, c_[12], pa, '2025-07-15', NULL, NULL, NULL),
        (co, c_[13], pa, '2023-03-01', '2023-06-20', 'Egreso', 'PARTLY');   -- M: not achieved

    -- the common diagnosis
    INSERT INTO diagnosis_instrument (comuna_id, number, name, state) VALUES (co, 1, 'Instrumento', 'PUBLISHED') RETURNING id INTO ins;
    INSERT INTO diagnosis (comuna_id, case_id, number, instrument_id, program_id, author, author_name, state, completed_at) VALUES
        (co, c_[1], 1, ins, pa, 'x', 'X', 'CURRENT', '2025-04-20 12:00-04'),
        (co, c_[2], 1, ins, pa, 'x', 'X', 'CURRENT', '2025-06-01 12:00-04'),
        (co, c_[4], 1, ins, pa, 'x', 'X', 'SUPERSEDED', '2024-03-01 12:00-03'),
        (co, c_[4], 2, ins, pa, 'x', 'X', 'CURRENT', '2024-09-01 12:00-03');

    -- integrated plans: D's with actions of two programs, E's of one
    INSERT INTO work_plan (comuna_id, case_id, created_by) VALUES (co, c_[4], 'x') RETURNING id INTO pl;
    INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES (pl, 'FAMILY', 'Meta', 'x') RETURNING id INTO goal;
    INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_name, starts_on, due_on, created_by, created_at) VALUES
        (pl, goal, co, 'Acción A', pa, 'R', '2025-05-25', '2025-08-01', 'x', '2025-05-25 12:00-04'),
        (pl, goal, co, 'Acción B', pb, 'R', '2025-05-25', '2025-08-01', 'x', '2025-05-25 12:00-04');
    INSERT INTO work_plan (comuna_id, case_id, created_by) VALUES (co, c_[5], 'x') RETURNING id INTO pl;
    INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES (pl, 'FAMILY', 'Meta', 'x') RETURNING id INTO goal;
    INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_name, starts_on, due_on, created_by, created_at) VALUES
        (pl, goal, co, 'Acción A', pa, 'R', '2025-02-01', '2025-08-01', 'x', '2025-02-01 12:00-03');

    -- referrals from B to A, due in Q2
    INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason, rejection_reason, sent_at, due_on, answered_at) VALUES
        (co, c_[1], pb, pa, 'ACCEPTED', 'r', NULL, '2025-04-01 12:00-03', '2025-04-15', '2025-04-03 12:00-03'),
        (co, c_[2], pb, pa, 'REJECTED', 'r', 'no', '2025-04-10 12:00-04', '2025-04-24', '2025-04-14 12:00-04'),
        (co, c_[3], pb, pa, 'ADMITTED', 'r', NULL, '2025-05-01 12:00-04', '2025-05-15', '2025-05-11 12:00-04'),
        (co, c_[4], pb, pa, 'WAITING', 'r', NULL, '2025-05-05 12:00-04', '2025-05-19', '2025-05-19 12:00-04'),
        (co, c_[5], pb, pa, 'ACCEPTED', 'r', NULL, '2025-06-01 12:00-04', '2025-06-13', '2025-06-20 12:00-04'),
        (co, c_[6], pb, pa, 'SENT', 'r', NULL, '2025-06-10 12:00-04', '2025-06-24', NULL),
        (co, c_[7], pb, pa, 'WITHDRAWN', 'r', NULL, '2025-06-02 12:00-04', '2025-06-16', '2025-06-03 12:00-04');
    SELECT id INTO ref FROM referral WHERE case_id = c_[4] AND to_program_id = pa;

    -- waits in A: five left in Q2 after 40, 20, 30, 10 and 50 days; two open at the close
    INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, exited_at, exit_reason) VALUES
        (co, pa, c_[8],  ref, '2025-03-01 12:00-03', '2025-04-10 12:00-04', 'ADMITTED'),
        (co, pa, c_[9],  ref, '2025-04-01 12:00-03', '2025-04-21 12:00-04', 'ADMITTED'),
        (co, pa, c_[10], ref, '2025-04-05 12:00-03', '2025-05-05 12:00-04', 'NOT_LOCATED'),
        (co, pa, c_[11], ref, '2025-05-01 12:00-04', '2025-05-11 12:00-04', 'ADMITTED'),
        (co, pa, c_[12], ref, '2025-05-10 12:00-04', '2025-06-29 12:00-04', 'ADMITTED'),
        (co, pa, c_[13], ref, '2025-06-01 12:00-04', NULL, NULL),
        (co, pa, c_[14], ref, '2025-06-15 12:00-04', '2025-07-10 12:00-04', 'ADMITTED');

    -- post-exit follow-ups of J's stay due in Q2: two on time of four
    SELECT id INTO inv FROM case_involvement WHERE case_id = c_[10];
    INSERT INTO followup_task (comuna_id, case_id, program_id, involvement_id, months, due_on, done_on, done_by, notes) VALUES
        (co, c_[10], pa, inv, 3,  '2025-04-10', '2025-04-09', 'x', 'ok'),
        (co, c_[10], pa, inv, 6,  '2025-05-10', '2025-05-20', 'x', 'tarde'),
        (co, c_[10], pa, inv, 12, '2025-06-10', NULL, NULL, NULL),
        (co, c_[10], pa, inv, 24, '2025-06-30', '2025-06-30', 'x', 'ok');

    -- HIGH alerts raised in Q2: two resolved within 7 days of four; a MEDIUM one does not count
    INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, state, raised_by, raised_at, resolved_by, resolved_at) VALUES
        (co, c_[1], 'MANUAL', 'HIGH', 'RESOLVED', 'x', '2025-04-02 12:00-03', 'x', '2025-04-05 12:00-03'),
        (co, c_[2], 'MANUAL', 'HIGH', 'RESOLVED', 'x', '2025-05-01 12:00-04', 'x', '2025-05-20 12:00-04'),
        (co, c_[3], 'MANUAL', 'HIGH', 'OPEN', 'x', '2025-06-01 12:00-04', NULL, NULL),
        (co, c_[4], 'MANUAL', 'HIGH', 'RESOLVED', 'x', '2025-06-10 12:00-04', 'x', '2025-06-16 12:00-04'),
        (co, c_[5], 'MANUAL', 'MEDIUM', 'OPEN', 'x', '2025-04-02 12:00-03', NULL, NULL);

    -- the table: two sessions held (5 present of 8 convoked), one planned and not held, one cancelled
    INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (co, 'Mesa Indicadores', 'x') RETURNING id INTO tb;
    INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, ical_uid, created_by, state) VALUES
        (tb, co, '2025-04-15 10:00-04', '2025-04-15 12:00-04', 'ind-s1', 'x', 'HELD') RETURNING id INTO ses;
    INSERT INTO mgc_participant (session_id, rsvp_token, guest_name, guest_institution, attendance) VALUES
        (ses, 'ind-p1', 'P1', 'OPD', 'PRESENT'), (ses, 'ind-p2', 'P2', 'EDT', 'PRESENT'),
        (ses, 'ind-p3', 'P3', 'PPF', 'PRESENT'), (ses, 'ind-p4', 'P4', 'CESFAM', 'ABSENT');
    INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, ical_uid, created_by, state) VALUES
        (tb, co, '2025-05-15 10:00-04', '2025-05-15 12:00-04', 'ind-s2', 'x', 'HELD') RETURNING id INTO ses;
    INSERT INTO mgc_participant (session_id, rsvp_token, guest_name, guest_institution, attendance) VALUES
        (ses, 'ind-p5', 'P1', 'OPD', 'PRESENT'), (ses, 'ind-p6', 'P2', 'EDT', 'PRESENT'),
        (ses, 'ind-p7', 'P3', 'PPF', 'ABSENT'), (ses, 'ind-p8', 'P4', 'CESFAM', NULL);
    INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, ical_uid, created_by, state) VALUES
        (tb, co, '2025-06-15 10:00-04', '2025-06-15 12:00-04', 'ind-s3', 'x', 'PLANNED');
    INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, ical_uid, created_by, state, cancel_reason) VALUES
        (tb, co, '2025-06-20 10:00-04', '2025-06-20 12:00-04', 'ind-s4', 'x', 'CANCELLED', 'feriado');

    -- agreements due in Q2: one done on time of three (a cancelled one does not count)
    INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution, responsible_name, due_on, status, done_on, created_by) VALUES
        (tb, co, ses, 'a1', 'OPD', 'R', '2025-04-15', 'DONE', '2025-04-10', 'x'),
        (tb, co, ses, 'a2', 'OPD', 'R', '2025-05-15', 'DONE', '2025-05-20', 'x'),
        (tb, co, ses, 'a3', 'OPD', 'R', '2025-06-01', 'PENDING', NULL, 'x'),
        (tb, co, ses, 'a4', 'OPD', 'R', '2025-06-10', 'CANCELLED', NULL, 'x');
END
$fixture$;
""";

    private static final String PUBLISHED = """
            INSERT INTO indicator_publication (comuna_id, year, quarter, version_no, indicator_values, definitions,
                                               published_by, published_by_name)
            SELECT c.id, 2025, 2, 1, CAST(? AS JSONB),
                   (SELECT jsonb_agg(jsonb_build_object('code', code, 'position', position, 'name', name,
                           'definition', definition, 'numerator', numerator, 'denominator', denominator, 'unit', unit,
                           'aggregation', aggregation, 'dimension', dimension, 'periodicity', periodicity,
                           'direction', direction, 'disaggregations', disaggregations, 'source_facts', source_facts,
                           'drillable', drillable, 'min_value', min_value, 'max_value', max_value) ORDER BY position)
                    FROM indicator_def), 'fixture', 'Coordinación de prueba'
            FROM comuna c WHERE c.code = ? RETURNING id""";

    private IndicatorFixture() {
    }

    public static void ensure() {
        FixtureSql.once(COMUNA, c -> {
            try (Statement st = c.createStatement()) {
                st.execute(DATA);
            }
            long comuna = comunaId(c, COMUNA);
            long vecina = comunaId(c, VECINA);
            long sur = comunaId(c, SUR);
            user(c, COORDINATOR, "COORDINADOR", comuna, null);
            user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
            user(c, PROFESSIONAL_A, "PROFESIONAL", comuna, program(c, "IPA"));
            user(c, PROFESSIONAL_E, "PROFESIONAL", comuna, program(c, "IPE"));
            user(c, COFACILITATOR_VECINA, "COFACILITADOR", vecina, null);
            long manager = user(c, MANAGER, "GESTOR_TERRITORIAL", comuna, null);
            FixtureSql.insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, vecina);
            long regional = user(c, REGIONAL, "GESTOR_TERRITORIAL", vecina, null);
            long national = user(c, NATIONAL, "GESTOR_TERRITORIAL", sur, null);
            FixtureSql.insert(c, "UPDATE app_user SET aggregate_scope = 'REGION' WHERE id = ? RETURNING id", regional);
            FixtureSql.insert(c, "UPDATE app_user SET aggregate_scope = 'PAIS' WHERE id = ? RETURNING id", national);
            FixtureSql.insert(c, PUBLISHED, "["
                    + value("DER_PLAZO", "PERCENT", "RATE", 3L, 4L, "75.0") + ","
                    + value("ESP_MEDIANA", "DAYS", "MEDIAN", null, 4L, "12.0") + ","
                    + value("ESP_LARGO", "COUNT", "COUNT", 4L, null, "4") + ","
                    + value("MESA_SESIONES", "PERCENT", "RATE", 5L, 5L, "100.0") + ","
                    + value("OCUPACION", "PERCENT", "RATE", 0L, 0L, null) + "]", VECINA);
            FixtureSql.insert(c, PUBLISHED, "[" + value("DER_PLAZO", "PERCENT", "RATE", 10L, 20L, "50.0") + "]", SUR);
            // 2024-Q4 of all three, for the comparison: 6/8, 3/4 and 10/20
            FixtureSql.insert(c, PUBLISHED.replace("2025, 2, 1", "2024, 4, 1"),
                    "[" + value("DER_PLAZO", "PERCENT", "RATE", 6L, 8L, "75.0") + "]", COMUNA);
            FixtureSql.insert(c, PUBLISHED.replace("2025, 2, 1", "2024, 4, 1"),
                    "[" + value("DER_PLAZO", "PERCENT", "RATE", 3L, 4L, "75.0") + "]", VECINA);
            FixtureSql.insert(c, PUBLISHED.replace("2025, 2, 1", "2024, 4, 1"),
                    "[" + value("DER_PLAZO", "PERCENT", "RATE", 10L, 20L, "50.0") + "]", SUR);
        });
    }

    private static String value(String code, String unit, String aggregation, Long numerator, Long denominator,
                                String value) {
        return "{\"code\": \"" + code + "\", \"unit\": \"" + unit + "\", \"aggregation\": \"" + aggregation
                + "\", \"numerator\": " + numerator + ", \"denominator\": " + denominator + ", \"value\": " + value + "}";
    }

    public static long comunaId(String code) {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = ?", code)).longValue();
    }

    private static long comunaId(Connection c, String code) throws SQLException {
        return FixtureSql.insert(c, "SELECT id FROM comuna WHERE code = ?", code);
    }

    private static long program(Connection c, String acronym) throws SQLException {
        return FixtureSql.insert(c, "SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE p.acronym = ? AND c.code = ?", acronym, COMUNA);
    }
}
