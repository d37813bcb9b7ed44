package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Issue 18 fixtures with plain SQL. Comuna Red (99951): providers Liceo Red, CESFAM Red, COSAM Red, OPD Red,
 * one program each (LICEO, CESFAM, COSAM, OPD), a co-facilitator, a coordinator and a LICEO professional.
 * Comuna Red Vecina (99952): programs LICEO and CESFAM, its co-facilitator, and the territorial manager
 * (own comuna 99952, supports 99951). Comuna Red Lejana (99953): a co-facilitator; nobody here supports it.
 * Tables and sessions are made per test ({@link #table}, {@link #session}).
 */
public final class NetworkFixture {

    public static final String COMUNA = "99951";
    public static final String NEIGHBOUR = "99952";
    public static final String FAR = "99953";
    public static final String COFACILITATOR = "cofacilitador.red";
    public static final String COORDINATOR = "coordinador.red";
    public static final String LICEO_PROFESSIONAL = "profesional.liceo.red";
    public static final String NEIGHBOUR_COFACILITATOR = "cofacilitador.red2";
    public static final String FAR_COFACILITATOR = "cofacilitador.red3";
    public static final String MANAGER = "gestor.red";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private NetworkFixture() {
    }

    public static void ensure() {
        FixtureSql.once(COMUNA, c -> {
            long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Red', 'Región Demo')"
                    + " RETURNING id", COMUNA);
            long neighbour = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Red Vecina',"
                    + " 'Región Demo') RETURNING id", NEIGHBOUR);
            long far = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Red Lejana',"
                    + " 'Región Demo') RETURNING id", FAR);
            long liceo = program(c, comuna, "LICEO", provider(c, comuna, "Liceo Red", "EDUCATION"));
            program(c, comuna, "CESFAM", provider(c, comuna, "CESFAM Red", "HEALTH"));
            program(c, comuna, "COSAM", provider(c, comuna, "COSAM Red", "HEALTH"));
            program(c, comuna, "OPD", provider(c, comuna, "OPD Red", "MUNICIPALITY"));
            program(c, neighbour, "LICEO", null);
            program(c, neighbour, "CESFAM", null);
            user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
            user(c, COORDINATOR, "COORDINADOR", comuna, null);
            user(c, LICEO_PROFESSIONAL, "PROFESIONAL", comuna, liceo);
            user(c, NEIGHBOUR_COFACILITATOR, "COFACILITADOR", neighbour, null);
            user(c, FAR_COFACILITATOR, "COFACILITADOR", far, null);
            long manager = user(c, MANAGER, "GESTOR_TERRITORIAL", neighbour, null);
            insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, comuna);
            insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, neighbour);
        });
    }

    public static long comunaId(String code) {
        return TestDatabase.count("SELECT id FROM comuna WHERE code = ?", code);
    }

    public static long programId(String comunaCode, String acronym) {
        return TestDatabase.count("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id WHERE c.code = ?"
                + " AND p.acronym = ?", comunaCode, acronym);
    }

    public static long providerId(String name) {
        return TestDatabase.count("SELECT id FROM provider WHERE name = ?", name);
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1000000;
    }

    public static long table(String comunaCode) {
        return sql("INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, ?, 'fixture') RETURNING id",
                comunaId(comunaCode), unique("Mesa Red "));
    }

    /** A session of the table starting {@code hoursFromNow} hours from now (negative: it has begun). */
    public static long session(long table, int hoursFromNow, String state) {
        return sql("INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place, state, ical_uid, created_by,"
                        + " cancel_reason, closed_at, closed_by) SELECT id, comuna_id, now() + make_interval(hours => ?),"
                        + " now() + make_interval(hours => ?) + interval '3 hours', 'Sala de prueba', ?, ?, 'fixture',"
                        + " CASE WHEN ? = 'CANCELLED' THEN 'prueba' END, CASE WHEN ? = 'HELD' THEN now() END,"
                        + " CASE WHEN ? = 'HELD' THEN 'fixture' END FROM mgc_table WHERE id = ? RETURNING id",
                hoursFromNow, hoursFromNow, state, unique("red-") + "@redlocal", state, state, state, table);
    }

    public static long agreement(long table, long session, String description) {
        return sql("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution,"
                        + " responsible_name, due_on, status, created_by) SELECT t.id, t.comuna_id, ?, ?, 'OPD',"
                        + " 'Persona Responsable', current_date + 20, 'PENDING', 'fixture' FROM mgc_table t WHERE t.id = ?"
                        + " RETURNING id", session, description, table);
    }

    /** A referral between two programs of a comuna (on a fresh case), sent {@code daysAgo} days ago. */
    public static long referral(String comunaCode, long from, long to, int daysAgo) {
        long comuna = comunaId(comunaCode);
        long child = sql("INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, maternal_surname,"
                + " birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Rita', 'Red', 'Prueba', current_date - 4000, 'F')"
                + " RETURNING id", comuna);
        long k = sql("INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?, current_date - 100)"
                + " RETURNING id", comuna, unique("RED-"), child);
        return sql("INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason, sent_at,"
                + " due_on) VALUES (?, ?, ?, ?, 'SENT', 'Derivación de prueba', now() - make_interval(days => ?),"
                + " current_date + 5) RETURNING id", comuna, k, from, to, daysAgo);
    }

    /**
     * A protocol written by SQL (another person's work, since a test method has one identity): "riesgo suicida"
     * steps (liceo 24 h, CESFAM 48 h, COSAM 10 days) binding the programs with these acronyms; APPROVED ones in
     * a held session of a new table, with version 1.
     */
    public static long protocol(String comunaCode, String title, boolean approved, String... acronyms) {
        long comuna = comunaId(comunaCode);
        Long session = approved ? session(table(comunaCode), -48, "HELD") : null;
        long id = sql("INSERT INTO net_protocol (comuna_id, title, purpose, state, approved_session_id, approved_at,"
                        + " approved_by, current_version, created_by) VALUES (?, ?, 'Abordaje del riesgo suicida', ?,"
                        + " CAST(? AS BIGINT), CASE WHEN ? THEN now() END, CASE WHEN ? THEN 'fixture' END, ?, 'fixture')"
                        + " RETURNING id", comuna, title, approved ? "APPROVED" : "DRAFT", session, approved, approved,
                approved ? 1 : 0);
        String[][] steps = {{"Encargado/a de convivencia escolar", "Detecta y contiene", "24", "HOURS"},
                {"CESFAM", "Evaluación de riesgo", "48", "HOURS"}, {"COSAM", "Ingreso a salud mental", "10", "DAYS"}};
        for (int i = 0; i < steps.length; i++) {
            sql("INSERT INTO net_protocol_step (protocol_id, position, responsible, action, deadline_value, deadline_unit)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING protocol_id", id, i, steps[i][0], steps[i][1],
                    Integer.parseInt(steps[i][2]), steps[i][3]);
        }
        for (String acronym : acronyms) {
            sql("INSERT INTO net_protocol_program (protocol_id, program_id) VALUES (?, ?) RETURNING protocol_id", id,
                    programId(comunaCode, acronym));
        }
        if (approved) {
            sql("INSERT INTO net_protocol_version (protocol_id, number, content, reason, session_id, created_by) VALUES"
                    + " (?, 1, CAST(? AS JSONB), 'Aprobado', ?, 'fixture') RETURNING id", id, "{\"title\": \"" + title
                    + "\", \"purpose\": \"p\", \"contacts\": null, \"reviewOn\": null, \"steps\": [], \"programs\": [],"
                    + " \"actors\": []}", session);
        }
        return id;
    }

    public static long knot(long table, String title) {
        return sql("INSERT INTO net_knot (comuna_id, table_id, title, detected_on, created_by) SELECT comuna_id, id, ?,"
                + " current_date, 'fixture' FROM mgc_table WHERE id = ? RETURNING id", title, table);
    }

    public static long actor(String comunaCode, String name) {
        return sql("INSERT INTO net_actor (comuna_id, name, kind, created_by) VALUES (?, ?, 'POLICE', 'fixture')"
                + " RETURNING id", comunaId(comunaCode), name);
    }

    static long sql(String sql, Object... parameters) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long provider(Connection c, long comuna, String name, String kind) throws SQLException {
        return insert(c, "INSERT INTO provider (comuna_id, name, kind) VALUES (?, ?, ?) RETURNING id", comuna, name, kind);
    }

    private static long program(Connection c, long comuna, String acronym, Long provider) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, provider_id)"
                        + " VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 0, CAST(? AS BIGINT)) RETURNING id",
                comuna, acronym, "Programa " + acronym, provider);
    }
}
