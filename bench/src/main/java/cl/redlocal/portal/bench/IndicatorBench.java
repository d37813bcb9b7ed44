package cl.redlocal.portal.bench;

import cl.redlocal.portal.devtools.EmbeddedDatabase;
import cl.redlocal.portal.indicator.control.IndicatorQuery;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * How long every indicator of one quarter takes for a comuna of 20,000 cases: the same statement the portal
 * runs (IndicatorQuery, over the fact views), on an embedded PostgreSQL filled with two and a half years of
 * generated stays, referrals and their answers, waits, diagnoses, plans, follow-ups, alerts, table sessions
 * with attendance and agreements. Prints the median and 95th percentile of the quarter's computation.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am -Pbench -DskipTests verify -Dbench.only=indicators}
 * (-Dbench.cases=N, default 20000).
 */
public final class IndicatorBench {

    private static final int WARMUP = 3;
    private static final int RUNS = 15;

    private IndicatorBench() {
    }

    public static void main(String[] args) throws Exception {
        String only = System.getProperty("bench.only", "");
        if (!only.isEmpty() && !only.equals("indicators")) {
            return;
        }
        int cases = Integer.getInteger("bench.cases", 20_000);
        Path data = Files.createTempDirectory("redlocal-bench-indicators");
        try (EmbeddedDatabase db = new EmbeddedDatabase(data, 0, false).start()) {
            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, "")
                    .locations("classpath:db/migration").placeholders(Map.of("app_role", EmbeddedDatabase.APP_USER))
                    .load().migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.OWNER, "")) {
                long started = System.nanoTime();
                long comuna = generate(c, cases);
                System.out.printf("%nGenerated %,d cases in %.1f s (PostgreSQL %s)%n", cases,
                        (System.nanoTime() - started) / 1e9, value(c, "SHOW server_version"));
                System.out.printf("%s stays, %s referrals, %s waits, %s diagnoses, %s plan actions, %s follow-ups,"
                                + " %s alerts, %s sessions, %s participants, %s agreements%n",
                        value(c, "SELECT count(*) FROM case_involvement"), value(c, "SELECT count(*) FROM referral"),
                        value(c, "SELECT count(*) FROM waiting_entry"), value(c, "SELECT count(*) FROM diagnosis"),
                        value(c, "SELECT count(*) FROM plan_action"), value(c, "SELECT count(*) FROM followup_task"),
                        value(c, "SELECT count(*) FROM vulnerability_alert"), value(c, "SELECT count(*) FROM mgc_session"),
                        value(c, "SELECT count(*) FROM mgc_participant"), value(c, "SELECT count(*) FROM mgc_agreement"));
                System.out.printf("%n| every indicator of one quarter (%,d cases) | indicators | median ms | p95 ms |%n"
                        + "|---|---:|---:|---:|%n", cases);
                measure(c, comuna, "2025-Q2 (ended)", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 7, 1));
                measure(c, comuna, "2026-Q2 (ended)", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));
                measure(c, comuna, "2026-Q3 to 15 Aug", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 16));
            }
        }
    }

    private static long generate(Connection c, int cases) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.11)");
            s.execute("INSERT INTO comuna (code, name, region) VALUES ('98011', 'Comuna Indicadores Benchmark', 'Región')");
            long co = Long.parseLong(value(c, "SELECT id FROM comuna WHERE code = '98011'"));
            String from = "DATE '2024-01-01'";
            s.execute("INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied) SELECT " + co
                    + ", 'P' || g, 'Programa ' || g, 'PROTECTION', 'ACTIVE', 400, 0 FROM generate_series(1, 40) g");
            s.execute("INSERT INTO family (comuna_id, code, surname) SELECT " + co + ", 'IF-' || g, 'Familia'"
                    + " FROM generate_series(1, " + (cases / 2) + ") g");
            s.execute("INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname, birth_date, sex)"
                    + " SELECT " + co + ", f.id, 'bench', 'Nombre', 'Apellido', DATE '2010-01-01' + (random() * 5000)::int,"
                    + " 'F' FROM family f CROSS JOIN generate_series(1, 2) k WHERE f.comuna_id = " + co);
            s.execute("INSERT INTO case_file (comuna_id, code, child_id, opened_on) SELECT " + co + ", 'IB-' || ch.id, ch.id, "
                    + from + " + (random() * 900)::int FROM child ch WHERE ch.comuna_id = " + co);
            // one to four stays per case; four in ten ended, with a goals judgement
            s.execute("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on, exit_reason,"
                    + " goals_achieved) SELECT " + co + ", x.case_id, x.program_id, x.started_on, x.ended_on,"
                    + " CASE WHEN x.ended_on IS NOT NULL THEN 'Egreso' END, CASE WHEN x.ended_on IS NOT NULL THEN"
                    + " (ARRAY['YES','PARTLY','NO'])[1 + (random() * 2)::int] END FROM (SELECT cf.id AS case_id, p.id AS"
                    + " program_id, cf.opened_on + (random() * 60)::int AS started_on, CASE WHEN random() < 0.4 THEN"
                    + " cf.opened_on + 61 + (random() * 300)::int END AS ended_on FROM case_file cf CROSS JOIN LATERAL"
                    + " (SELECT id FROM program WHERE comuna_id = " + co + " ORDER BY random() + cf.id * 0"
                    + " LIMIT 1 + (random() * random() * 4)::int) p WHERE cf.comuna_id = " + co + ") x");
            s.execute("INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason,"
                    + " rejection_reason, sent_at, due_on, answered_at) SELECT " + co + ", r.id, r.p1, r.p2, r.state, 'bench',"
                    + " CASE WHEN r.state = 'REJECTED' THEN 'bench' END, r.sent, (r.sent)::date + 14,"
                    + " CASE WHEN r.state NOT IN ('SENT') THEN r.sent + ((random() * 25)::int || ' days')::interval END"
                    + " FROM (SELECT cf.id, (SELECT min(program_id) FROM case_involvement i WHERE i.case_id = cf.id) AS p1,"
                    + " (SELECT id FROM program WHERE comuna_id = " + co + " AND acronym = 'P' || (1 + cf.id % 40)) AS p2,"
                    + " (ARRAY['SENT','WAITING','ADMITTED','ADMITTED','REJECTED','WITHDRAWN'])[1 + (random() * 5)::int] AS state,"
                    + " (cf.opened_on + (random() * 30)::int)::timestamptz + INTERVAL '12 hours' AS sent"
                    + " FROM case_file cf WHERE cf.comuna_id = " + co + " AND random() < 0.6) r");
            s.execute("INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, exited_at, exit_reason)"
                    + " SELECT DISTINCT ON (r.to_program_id, r.case_id) r.comuna_id, r.to_program_id, r.case_id, r.id,"
                    + " r.answered_at, w.exited, CASE WHEN w.exited IS NOT NULL THEN 'ADMITTED' END FROM referral r"
                    + " CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.7 THEN r.answered_at + ((random() * 120)::int"
                    + " || ' days')::interval END AS exited) w WHERE r.state IN ('WAITING', 'ADMITTED')"
                    + " AND r.answered_at IS NOT NULL AND r.comuna_id = " + co);
            s.execute("INSERT INTO diagnosis_instrument (comuna_id, number, name, state) SELECT " + co
                    + ", 1, 'Instrumento', 'PUBLISHED' WHERE NOT EXISTS (SELECT 1 FROM diagnosis_instrument WHERE"
                    + " comuna_id = " + co + ")");
            s.execute("INSERT INTO diagnosis (comuna_id, case_id, number, instrument_id, program_id, author, author_name,"
                    + " state, completed_at) SELECT " + co + ", cf.id, 1, (SELECT min(id) FROM diagnosis_instrument WHERE comuna_id = "
                    + co + "), (SELECT min(program_id) FROM case_involvement i WHERE i.case_id = cf.id), 'b', 'B', 'CURRENT',"
                    + " (cf.opened_on + (random() * 60)::int)::timestamptz FROM case_file cf WHERE cf.comuna_id = " + co
                    + " AND random() < 0.6");
            s.execute("INSERT INTO work_plan (comuna_id, case_id, created_by, created_at) SELECT " + co + ", cf.id, 'b',"
                    + " cf.opened_on::timestamptz FROM case_file cf WHERE cf.comuna_id = " + co + " AND random() < 0.4");
            s.execute("INSERT INTO plan_goal (plan_id, dimension, description, added_by) SELECT id, 'FAMILY', 'Meta', 'b'"
                    + " FROM work_plan WHERE comuna_id = " + co);
            s.execute("INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_name,"
                    + " starts_on, due_on, created_by, created_at) SELECT w.id, g.id, " + co + ", 'Acción', i.program_id, 'R',"
                    + " i.started_on, i.started_on + 90, 'b', i.started_on::timestamptz FROM work_plan w"
                    + " JOIN plan_goal g ON g.plan_id = w.id JOIN case_involvement i ON i.case_id = w.case_id"
                    + " WHERE w.comuna_id = " + co + " AND random() < 0.7");
            s.execute("INSERT INTO followup_task (comuna_id, case_id, program_id, involvement_id, months, due_on, done_on,"
                    + " done_by, notes) SELECT i.comuna_id, i.case_id, i.program_id, i.id, m, i.ended_on + m * 30,"
                    + " d.done, CASE WHEN d.done IS NOT NULL THEN 'b' END, CASE WHEN d.done IS NOT NULL THEN 'ok' END"
                    + " FROM case_involvement i CROSS JOIN (VALUES (3), (6), (12)) AS mm (m) CROSS JOIN LATERAL"
                    + " (SELECT CASE WHEN random() < 0.7 THEN i.ended_on + m * 30 + (random() * 20)::int - 10 END AS done) d"
                    + " WHERE i.ended_on IS NOT NULL AND i.comuna_id = " + co);
            s.execute("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, state, raised_by, raised_at,"
                    + " resolved_by, resolved_at) SELECT " + co + ", a.id, 'MANUAL', a.sev, CASE WHEN a.res IS NULL THEN"
                    + " 'OPEN' ELSE 'RESOLVED' END, 'b', a.raised, CASE WHEN a.res IS NOT NULL THEN 'b' END, a.res FROM"
                    + " (SELECT cf.id, (ARRAY['LOW','MEDIUM','HIGH'])[1 + (random() * 2)::int] AS sev, cf.opened_on::timestamptz"
                    + " + INTERVAL '10 hours' AS raised, CASE WHEN random() < 0.6 THEN cf.opened_on::timestamptz"
                    + " + ((random() * 20)::int || ' days 12 hours')::interval END AS res FROM case_file cf"
                    + " WHERE cf.comuna_id = " + co + " AND random() < 0.3) a");
            s.execute("INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (" + co + ", 'Mesa', 'b')");
            s.execute("INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, ical_uid, created_by, state,"
                    + " cancel_reason) SELECT t.id, " + co + ", d, d + INTERVAL '2 hours', 'ib-' || g, 'b',"
                    + " CASE WHEN g % 7 = 0 THEN 'CANCELLED' ELSE 'HELD' END, CASE WHEN g % 7 = 0 THEN 'feriado' END"
                    + " FROM mgc_table t, generate_series(1, 60) g, LATERAL (SELECT (" + from
                    + " + g * 15)::timestamptz + INTERVAL '10 hours' AS d) x WHERE t.comuna_id = " + co);
            s.execute("INSERT INTO mgc_participant (session_id, rsvp_token, guest_name, guest_institution, attendance)"
                    + " SELECT s.id, 'ib-' || s.id || '-' || k, 'P' || k, 'Inst ' || k, CASE WHEN random() < 0.75"
                    + " THEN 'PRESENT' ELSE 'ABSENT' END FROM mgc_session s, generate_series(1, 12) k WHERE s.comuna_id = " + co);
            s.execute("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution,"
                    + " responsible_name, due_on, status, done_on, created_by) SELECT s.table_id, s.comuna_id, s.id, 'a',"
                    + " 'OPD', 'R', s.starts_at::date + 30, CASE WHEN random() < 0.6 THEN 'DONE' ELSE 'PENDING' END,"
                    + " s.starts_at::date + 20 + (random() * 20)::int, 'b' FROM mgc_session s, generate_series(1, 4) k"
                    + " WHERE s.comuna_id = " + co);
            s.execute("UPDATE mgc_agreement SET done_on = NULL WHERE status <> 'DONE' AND comuna_id = " + co);
            s.execute("ANALYZE");
            return co;
        }
    }

    private static void measure(Connection c, long comuna, String name, LocalDate first, LocalDate end) throws Exception {
        int rows = 0;
        for (int i = 0; i < WARMUP; i++) {
            rows = run(c, comuna, first, end);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run(c, comuna, first, end);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %d | %.0f | %.0f |%n", name, rows, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private static int run(Connection c, long comuna, LocalDate first, LocalDate end) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(IndicatorQuery.totalsSql())) {
            ps.setLong(1, comuna);
            ps.setDate(2, Date.valueOf(first));
            ps.setDate(3, Date.valueOf(end));
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static String value(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
