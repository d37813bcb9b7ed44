package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Alerts and follow-up fixtures with plain SQL: Comuna Alertas (99901) with its co-facilitator and
 * coordinator, Comuna Alertas Vecina (99902) with a co-facilitator, and a territorial manager whose own
 * comuna is the neighbour and who supports Comuna Alertas. Each test makes its own programs (with a
 * professional each) and cases with unique codes.
 */
public final class AlertFixture {

    public static final String COMUNA_CODE = "99901";
    public static final String OTHER_COMUNA_CODE = "99902";
    public static final String COFACILITATOR = "cofacilitador.alertas";
    public static final String COORDINATOR = "coordinador.alertas";
    public static final String OTHER_COFACILITATOR = "cofacilitador.alertas2";
    public static final String MANAGER = "gestor.alertas";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public record Program(long id, String acronym, String professional) {
    }

    public record Case(long id, String code, long childId) {
    }

    private AlertFixture() {
    }

    public static synchronized void ensure() {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT pg_advisory_xact_lock(990901)");
            if (id(c, "SELECT id FROM comuna WHERE code = ?", COMUNA_CODE) == null) {
                long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Alertas',"
                        + " 'Región Demo') RETURNING id", COMUNA_CODE);
                long other = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Alertas Vecina',"
                        + " 'Región Demo') RETURNING id", OTHER_COMUNA_CODE);
                user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
                user(c, COORDINATOR, "COORDINADOR", comuna, null);
                user(c, OTHER_COFACILITATOR, "COFACILITADOR", other, null);
                long manager = user(c, MANAGER, "GESTOR_TERRITORIAL", other, null);
                insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, comuna);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long comunaId(String code) {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = ?", code)).longValue();
    }

    public static Program program(String comunaCode, int slots, int occupied) {
        String acronym = "AL" + SEQUENCE.incrementAndGet() + "T" + System.nanoTime() % 100000;
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

    /** A child (Ana Alerta Prueba: A.A.P.) with a case of its own. */
    public static Case newCase(String comunaCode) {
        String code = "ALR-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1000000;
        try (Connection c = TestDatabase.connect()) {
            long comuna = comunaId(comunaCode);
            long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                    + " maternal_surname, birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Ana', 'Alerta', 'Prueba',"
                    + " current_date - 3000, 'F') RETURNING id", comuna);
            long caseId = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                    + " current_date - 800) RETURNING id", comuna, code, child);
            return new Case(caseId, code, child);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stay of the case in a program: started {@code startedDaysAgo} days ago, ended {@code endedDaysAgo} (or active). */
    public static long stay(Case kase, Program program, int startedDaysAgo, Integer endedDaysAgo) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on)"
                    + " SELECT comuna_id, id, ?, current_date - ?, current_date - CAST(? AS INTEGER) FROM case_file"
                    + " WHERE id = ? RETURNING id", program.id(), startedDaysAgo, endedDaysAgo, kase.id());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A referral to the program, SENT and due {@code dueDaysAgo} days ago. */
    public static long referral(Case kase, Program to, int dueDaysAgo) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state, urgency,"
                    + " reason, sent_at, due_on) SELECT comuna_id, id, 'Escuela de prueba', ?, 'SENT', 'NORMAL',"
                    + " 'Prueba de alertas', now() - interval '20 days', current_date - ? FROM case_file WHERE id = ?"
                    + " RETURNING id", to.id(), dueDaysAgo, kase.id());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case waiting in the program's list since {@code daysAgo} days (through a WAITING referral). */
    public static long waiting(Case kase, Program program, int daysAgo) {
        try (Connection c = TestDatabase.connect()) {
            long referral = insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state,"
                    + " urgency, reason, sent_at, answered_at, due_on) SELECT comuna_id, id, 'Escuela de prueba', ?,"
                    + " 'WAITING', 'NORMAL', 'Prueba de espera', now() - make_interval(days => ?), now(), current_date"
                    + " FROM case_file WHERE id = ? RETURNING id", program.id(), daysAgo, kase.id());
            return insert(c, "INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at)"
                    + " SELECT comuna_id, ?, id, ?, now() - make_interval(days => ?) FROM case_file WHERE id = ?"
                    + " RETURNING id", program.id(), referral, daysAgo, kase.id());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An alert on the case raised {@code daysAgo} days ago. */
    public static long alert(Case kase, String kind, String severity, int daysAgo) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, "INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, raised_by, raised_at,"
                    + " description) SELECT comuna_id, id, ?, ?, 'fixture', now() - make_interval(days => ?),"
                    + " 'Alerta de prueba' FROM case_file WHERE id = ? RETURNING id", kind, severity, daysAgo, kase.id());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... args) {
        return ((Number) TestDatabase.value(sql, args)).longValue();
    }

    public static long alerts(Case kase, String kind) {
        return count("SELECT count(*) FROM vulnerability_alert WHERE case_id = ? AND kind = ?", kase.id(), kind);
    }

    public static long openAlerts(Case kase, String kind) {
        return count("SELECT count(*) FROM vulnerability_alert WHERE case_id = ? AND kind = ? AND state <> 'RESOLVED'",
                kase.id(), kind);
    }
}
