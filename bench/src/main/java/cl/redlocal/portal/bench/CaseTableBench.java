package cl.redlocal.portal.bench;

import cl.redlocal.portal.cases.boundary.CaseTableFilter;
import cl.redlocal.portal.cases.control.CaseTableQuery;
import cl.redlocal.portal.devtools.EmbeddedDatabase;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * How long the shared case table takes on a comuna far larger than any real one: the same SQL the
 * portal runs (CaseTableQuery), on an embedded PostgreSQL filled with generated cases, involvements,
 * referrals, waiting-list entries and alerts. Prints the median and 95th percentile of each query.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am -Pbench -DskipTests verify} (-Dbench.cases=N, default 20000).
 */
public final class CaseTableBench {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");
    private static final int WARMUP = 5;
    private static final int RUNS = 30;

    private CaseTableBench() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("bench.cases", 20_000);
        Path data = Files.createTempDirectory("redlocal-bench");
        try (EmbeddedDatabase db = new EmbeddedDatabase(data, 0, false).start()) {
            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, "")
                    .locations("classpath:db/migration").placeholders(Map.of("app_role", EmbeddedDatabase.APP_USER))
                    .load().migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.OWNER, "")) {
                long started = System.nanoTime();
                long comuna = generate(c, cases);
                System.out.printf("%nGenerated %,d cases in %.1f s (PostgreSQL %s)%n", cases,
                        (System.nanoTime() - started) / 1e9, value(c, "SHOW server_version"));
                run(c, comuna, cases);
            }
        }
    }

    private static long generate(Connection c, int cases) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setseed(0.42)");
            s.execute("INSERT INTO comuna (code, name, region) VALUES ('98001', 'Comuna Benchmark', 'Región')");
            long comuna = Long.parseLong(value(c, "SELECT id FROM comuna WHERE code = '98001'"));
            s.execute("INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied) SELECT " + comuna
                    + ", 'P' || g, 'Programa ' || g, 'PROTECTION', 'ACTIVE', 500, CASE WHEN g % 4 = 0 THEN 500 ELSE 250 END"
                    + " FROM generate_series(1, 40) g");
            s.execute("INSERT INTO family (comuna_id, code, surname, sector) SELECT " + comuna + ", 'BF-' || g, 'Familia',"
                    + " 'Sector ' || (g % 12) FROM generate_series(1, " + (cases / 2) + ") g");
            s.execute("INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname, birth_date,"
                    + " sex, sector) SELECT " + comuna + ", f.id, 'bench', 'Nombre', 'Apellido',"
                    + " current_date - (365 + (random() * 16 * 365)::int), 'F', f.sector"
                    + " FROM family f CROSS JOIN generate_series(1, 2) k WHERE f.comuna_id = " + comuna);
            s.execute("INSERT INTO case_file (comuna_id, code, child_id, opened_on, status) SELECT " + comuna
                    + ", 'B-' || ch.id, ch.id, current_date - (random() * 700)::int,"
                    + " CASE WHEN random() < 0.15 THEN 'CLOSED' ELSE 'OPEN' END FROM child ch WHERE ch.comuna_id = " + comuna);
            // one to four programs per case, about one stay in ten already ended
            s.execute("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on) SELECT "
                    + comuna + ", cf.id, p.id, cf.opened_on, CASE WHEN random() < 0.1 THEN cf.opened_on + 30 END"
                    + " FROM case_file cf CROSS JOIN LATERAL (SELECT id FROM program WHERE comuna_id = " + comuna
                    + " ORDER BY random() + cf.id * 0 LIMIT 1 + (random() * random() * 4)::int) p"
                    + " WHERE cf.comuna_id = " + comuna);
            s.execute("INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason,"
                    + " rejection_reason, sent_at, due_on) SELECT " + comuna + ", cf.id, (SELECT min(program_id) FROM"
                    + " case_involvement i WHERE i.case_id = cf.id), (SELECT id FROM program WHERE comuna_id = " + comuna
                    + " AND acronym = 'P' || (1 + cf.id % 40)), cf.state, 'bench', CASE WHEN cf.state = 'REJECTED'"
                    + " THEN 'bench' END, now() - (random() * 60 || ' days')::interval, current_date"
                    + " FROM (SELECT id, (ARRAY['SENT','RECEIVED','WAITING','ADMITTED','REJECTED','WITHDRAWN'])"
                    + "[1 + (random() * 5)::int] AS state FROM case_file WHERE comuna_id = " + comuna
                    + " AND random() < 0.5) cf");
            s.execute("INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, urgency)"
                    + " SELECT DISTINCT ON (r.to_program_id, r.case_id) r.comuna_id, r.to_program_id, r.case_id, r.id,"
                    + " r.sent_at, (ARRAY['LOW','NORMAL','HIGH'])[1 + (random() * 2)::int] FROM referral r"
                    + " WHERE r.state = 'WAITING' AND r.comuna_id = " + comuna);
            s.execute("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, raised_by) SELECT " + comuna
                    + ", cf.id, (ARRAY['VIOLENCIA','DESERCION','CONSUMO'])[1 + (random() * 2)::int],"
                    + " (ARRAY['LOW','MEDIUM','HIGH'])[1 + (random() * 2)::int], 'bench' FROM case_file cf"
                    + " WHERE cf.comuna_id = " + comuna + " AND random() < 0.3");
            s.execute("ANALYZE");
            System.out.printf("%s involvements, %s referrals, %s waiting, %s alerts%n",
                    value(c, "SELECT count(*) FROM case_involvement"), value(c, "SELECT count(*) FROM referral"),
                    value(c, "SELECT count(*) FROM waiting_entry"), value(c, "SELECT count(*) FROM vulnerability_alert"));
            return comuna;
        }
    }

    private static void run(Connection c, long comuna, int cases) throws Exception {
        long program = Long.parseLong(value(c, "SELECT id FROM program WHERE comuna_id = " + comuna + " AND acronym = 'P4'"));
        CallerProfile cofacilitator = new CallerProfile(1, "bench", "Bench", Role.COFACILITADOR, comuna, "Comuna",
                null, null, Set.of(comuna), false, "99999");
        CallerProfile professional = new CallerProfile(2, "bench.p", "Bench", Role.PROFESIONAL, comuna, "Comuna",
                program, "P4", Set.of(comuna), false, "99999");
        LocalDate today = LocalDate.now(ZONE);
        CaseTableFilter none = CaseTableFilter.none();
        CaseTableFilter over = new CaseTableFilter(null, null, null, null, false, null, null, null, null, true);
        CaseTableFilter ofProgram = new CaseTableFilter(null, program, null, null, false, null, null, null, null, false);
        CaseTableFilter teenagers = new CaseTableFilter(null, null, null, null, true, 12, 17, null, null, false);

        System.out.printf("%n| query (%,d cases) | rows | median ms | p95 ms |%n|---|---:|---:|---:|%n", cases);
        measure("co-facilitator: count", () -> count(c, CaseTableQuery.count(cofacilitator, none, today, ZONE, 3, 4)));
        measure("co-facilitator: first page, by priority", () ->
                page(c, CaseTableQuery.rows(cofacilitator, none, today, ZONE, 3, 4, null, true), 0));
        measure("co-facilitator: page 100, by age", () ->
                page(c, CaseTableQuery.rows(cofacilitator, none, today, ZONE, 3, 4, "age", true), 2_475));
        measure("co-facilitator: over-intervention only", () ->
                page(c, CaseTableQuery.rows(cofacilitator, over, today, ZONE, 3, 4, null, true), 0));
        measure("co-facilitator: one program", () ->
                page(c, CaseTableQuery.rows(cofacilitator, ofProgram, today, ZONE, 3, 4, "code", true), 0));
        measure("co-facilitator: 12-17 with alerts", () ->
                page(c, CaseTableQuery.rows(cofacilitator, teenagers, today, ZONE, 3, 4, "waitingSince", false), 0));
        measure("professional: count", () -> count(c, CaseTableQuery.count(professional, none, today, ZONE, 3, 4)));
        measure("professional: first page", () ->
                page(c, CaseTableQuery.rows(professional, none, today, ZONE, 3, 4, null, true), 0));
        measure("a program's waiting list by priority", () -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM waiting_priority WHERE program_id = ? ORDER BY score DESC, entered_at")) {
                ps.setLong(1, program);
                return rows(ps);
            }
        });
    }

    private static void measure(String name, Callable<Integer> query) throws Exception {
        int rows = 0;
        for (int i = 0; i < WARMUP; i++) {
            rows = query.call();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            query.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %,d | %.1f | %.1f |%n", name, rows, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private static int count(Connection c, CaseTableQuery.Statement statement) throws Exception {
        try (PreparedStatement ps = prepare(c, statement.sql(), statement.parameters().values());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int page(Connection c, CaseTableQuery.Statement statement, int offset) throws Exception {
        List<Object> values = new ArrayList<>(statement.parameters().values());
        String sql = statement.sql() + " LIMIT 25 OFFSET " + offset;
        try (PreparedStatement ps = prepare(c, sql, values)) {
            return rows(ps);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> values) throws Exception {
        // the portal's statements number their markers (?1, ?2...); JDBC wants plain ones, in the same order
        PreparedStatement ps = c.prepareStatement(sql.replaceAll("\\?\\d+", "?"));
        int[] order = markers(sql);
        for (int i = 0; i < order.length; i++) {
            ps.setObject(i + 1, values.get(order[i] - 1));
        }
        return ps;
    }

    private static int[] markers(String sql) {
        return java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).toArray();
    }

    private static int rows(PreparedStatement ps) throws Exception {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static String value(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
