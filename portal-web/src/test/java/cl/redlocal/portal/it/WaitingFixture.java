package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Waiting lists with known priority values, written with plain SQL: two comunas of their own (so the demo's
 * randomness and other test classes do not matter), each test making its own programs, cases and entries
 * with unique codes. Comuna Espera keeps the default weights; Comuna Espera Pesos is where weights change.
 * Users (demo password): coordinador.espera, cofacilitador.espera, coordinador.pesos; a professional per
 * program made by {@link #program}.
 */
public final class WaitingFixture {

    public static final String COMUNA_CODE = "99401";
    public static final String WEIGHTS_COMUNA_CODE = "99402";
    public static final String COORDINATOR = "coordinador.espera";
    public static final String COFACILITATOR = "cofacilitador.espera";
    public static final String WEIGHTS_COORDINATOR = "coordinador.pesos";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A program of the fixture and the username of its professional. */
    public record Program(long id, String acronym, String professional) {
    }

    /** A case waiting in a program's list. */
    public record Entry(long id, long caseId, String code, long referralId) {
    }

    private WaitingFixture() {
    }

    public static synchronized void ensure() {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT pg_advisory_xact_lock(990401)");
            if (id(c, "SELECT id FROM comuna WHERE code = ?", COMUNA_CODE) == null) {
                long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Espera', 'Región Demo')"
                        + " RETURNING id", COMUNA_CODE);
                long weights = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Espera Pesos',"
                        + " 'Región Demo') RETURNING id", WEIGHTS_COMUNA_CODE);
                user(c, COORDINATOR, "COORDINADOR", comuna, null);
                user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
                user(c, WEIGHTS_COORDINATOR, "COORDINADOR", weights, null);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long comunaId(String code) {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = ?", code)).longValue();
    }

    /** A new program with its own professional (username "prof." + acronym in lower case). */
    public static Program program(String comunaCode, int slots, int occupied) {
        String acronym = "ES" + SEQUENCE.incrementAndGet() + "T" + System.nanoTime() % 100000;
        String professional = "prof." + acronym.toLowerCase();
        try (Connection c = TestDatabase.connect()) {
            long comuna = comunaId(comunaCode);
            long id = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at,"
                    + " confirmed_by) VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', ?, ?, now(), 'fixture') RETURNING id",
                    comuna, acronym, "Programa " + acronym, slots, occupied);
            user(c, professional, "PROFESIONAL", comuna, id);
            return new Program(id, acronym, professional);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A child of {@code ageYears} (birthday today) with a case that entered the program's list exactly
     * {@code daysAgo} days before now, through a WAITING referral.
     */
    public static Entry waiting(String comunaCode, Program program, String givenNames, int ageYears, int daysAgo,
                                String urgency, boolean courtOrdered) {
        String code = "ESP-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1000000;
        try (Connection c = TestDatabase.connect()) {
            long comuna = comunaId(comunaCode);
            long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                    + " maternal_surname, birth_date, sex) VALUES (?, 'Sin RUN (prueba)', ?, 'Espera', 'Lista',"
                    + " current_date - make_interval(years => ?), 'F') RETURNING id", comuna, givenNames, ageYears);
            long caseId = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                    + " current_date - 100) RETURNING id", comuna, code, child);
            long referral = insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state,"
                    + " urgency, reason, sent_at, answered_at, due_on, court_ordered) VALUES (?, ?, 'Escuela de prueba', ?,"
                    + " 'WAITING', ?, 'Prueba de listas de espera', now() - make_interval(days => ?),"
                    + " now() - make_interval(days => ?), current_date, ?) RETURNING id",
                    comuna, caseId, program.id(), urgency, daysAgo, daysAgo, courtOrdered);
            long entry = insert(c, "INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, urgency,"
                    + " court_ordered, entered_at) VALUES (?, ?, ?, ?, ?, ?, now() - make_interval(days => ?)) RETURNING id",
                    comuna, program.id(), caseId, referral, urgency, courtOrdered, daysAgo);
            return new Entry(entry, caseId, code, referral);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void alert(Entry entry, String kind, String severity, String state) {
        try (Connection c = TestDatabase.connect()) {
            insert(c, "INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, state, raised_by)"
                    + " SELECT comuna_id, id, ?, ?, ?, 'fixture' FROM case_file WHERE id = ? RETURNING id",
                    kind, severity, state, entry.caseId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A past stay (30 days) of the child's case in a program, started {@code monthsAgo} months ago. */
    public static void pastInvolvement(Entry entry, long programId, int monthsAgo) {
        try (Connection c = TestDatabase.connect()) {
            insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on)"
                    + " SELECT comuna_id, id, ?, CAST(current_date - make_interval(months => ?) AS DATE),"
                    + " CAST(current_date - make_interval(months => ?) AS DATE) + 30 FROM case_file WHERE id = ? RETURNING id",
                    programId, monthsAgo, monthsAgo, entry.caseId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
