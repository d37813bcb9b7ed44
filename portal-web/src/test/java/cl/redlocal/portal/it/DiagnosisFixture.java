package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * The common diagnosis' fixtures, written with plain SQL in a comuna of their own (Comuna Diagnóstico,
 * 99701): each test makes its own programs (each with its professional, "prof." + acronym in lower case)
 * and its own case, involved in the programs it names. The comuna's co-facilitator and coordinator are
 * cofacilitador.diagnostico and coordinador.diagnostico (demo password).
 */
public final class DiagnosisFixture {

    public static final String COMUNA_CODE = "99701";
    public static final String COFACILITATOR = "cofacilitador.diagnostico";
    public static final String COORDINATOR = "coordinador.diagnostico";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A program and the username of its professional. */
    public record Program(long id, String acronym, String professional) {
    }

    private DiagnosisFixture() {
    }

    public static synchronized void ensure() {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT pg_advisory_xact_lock(990701)");
            if (id(c, "SELECT id FROM comuna WHERE code = ?", COMUNA_CODE) == null) {
                long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Diagnóstico',"
                        + " 'Región Demo') RETURNING id", COMUNA_CODE);
                user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
                user(c, COORDINATOR, "COORDINADOR", comuna, null);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long comunaId() {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = ?", COMUNA_CODE)).longValue();
    }

    /** A new program of the comuna with its own professional. */
    public static Program program() {
        String acronym = "DG" + SEQUENCE.incrementAndGet() + "T" + System.nanoTime() % 100000;
        String professional = "prof." + acronym.toLowerCase();
        try (Connection c = TestDatabase.connect()) {
            long id = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at,"
                    + " confirmed_by) VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 0, now(), 'fixture') RETURNING id",
                    comunaId(), acronym, "Programa " + acronym);
            user(c, professional, "PROFESIONAL", comunaId(), id);
            return new Program(id, acronym, professional);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A child with a case that the given programs hold (an open involvement each); returns the case id. */
    public static long caseOf(Program... programs) {
        String code = "DG-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1000000;
        try (Connection c = TestDatabase.connect()) {
            long comuna = comunaId();
            long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                    + " maternal_surname, birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Dana', 'Diagnóstico', 'Común',"
                    + " current_date - 3000, 'F') RETURNING id", comuna);
            long caseId = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                    + " current_date - 200) RETURNING id", comuna, code, child);
            for (Program p : programs) {
                insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?,"
                        + " current_date - 100) RETURNING id", comuna, caseId, p.id());
            }
            return caseId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CURRENT full diagnosis of the case made by the program's professional with the comuna's published
     * instrument, every item scored {@code 2} except the dimensions given as "CODE=score" pairs; an earlier
     * current diagnosis of the case is superseded. Returns the diagnosis id.
     */
    public static long diagnosis(long caseId, Program by, String... dimensionScores) {
        java.util.Map<String, Integer> scores = new java.util.HashMap<>();
        for (String pair : dimensionScores) {
            String[] kv = pair.split("=");
            scores.put(kv[0], Integer.valueOf(kv[1]));
        }
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            long comuna = comunaId();
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE diagnosis SET state = 'SUPERSEDED',"
                    + " superseded_at = now() WHERE case_id = ? AND state = 'CURRENT'")) {
                ps.setLong(1, caseId);
                ps.executeUpdate();
            }
            long instrument = insert(c, "SELECT id FROM diagnosis_instrument WHERE comuna_id = ? AND state = 'PUBLISHED'", comuna);
            long id = insert(c, "INSERT INTO diagnosis (comuna_id, case_id, number, instrument_id, program_id, author,"
                    + " author_name, state, completed_at) SELECT ?, ?, coalesce(max(number), 0) + 1, ?, ?, ?, ?, 'CURRENT',"
                    + " now() FROM diagnosis WHERE case_id = ? RETURNING id",
                    comuna, caseId, instrument, by.id(), by.professional(), "Persona " + by.professional(), caseId);
            try (java.sql.PreparedStatement items = c.prepareStatement("SELECT i.id, d.code FROM diagnosis_item i"
                    + " JOIN diagnosis_dimension d ON d.id = i.dimension_id WHERE d.instrument_id = ?")) {
                items.setLong(1, instrument);
                try (java.sql.ResultSet rs = items.executeQuery()) {
                    while (rs.next()) {
                        insert(c, "INSERT INTO diagnosis_score (diagnosis_id, item_id, score) VALUES (?, ?, ?) RETURNING id",
                                id, rs.getLong(1), scores.getOrDefault(rs.getString(2), 2));
                    }
                }
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves a diagnosis' completion date back by the given months (to leave the renewal period). */
    public static void age(long diagnosisId, int months) {
        try {
            TestDatabase.update("UPDATE diagnosis SET completed_at = completed_at - make_interval(months => ?) WHERE id = ?",
                    months, diagnosisId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
