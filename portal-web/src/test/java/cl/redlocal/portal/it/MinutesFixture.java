package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Comuna Actas (99981) and Comuna Actas Vecina (99982) for the minutes and agreements tests (issue 6,
 * part C). The rows of parts A and B (tables, members, sessions, participants, agenda and case items) are
 * written here with plain SQL; each test makes its own table ({@link #table}) so "the next session" is
 * its own.
 *
 * <pre>
 * Programs MA, MB.  Cases A-0001 (Matías Acta Soto, in MA) and A-0002 (Belén Bravo Ruiz, in MB).
 * Users (demo password): cofacilitador.actas, profesional.ma (MA), profesional.mb (MB), coordinador.actas,
 *   gestor.actas (own comuna 99982, supports 99981), cofacilitador.actas2 (99982).
 * 99982 has a table with one session (OTHER_SESSION).
 * </pre>
 */
public final class MinutesFixture {

    public static final String COFACILITATOR = "cofacilitador.actas";
    public static final String PROFESSIONAL_A = "profesional.ma";
    public static final String PROFESSIONAL_B = "profesional.mb";
    public static final String COORDINATOR = "coordinador.actas";
    public static final String MANAGER = "gestor.actas";
    public static final String OTHER_COFACILITATOR = "cofacilitador.actas2";

    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private MinutesFixture() {
    }

    public static void ensure() {
        FixtureSql.once("99981", MinutesFixture::create);
    }

    public static long comunaId() {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = '99981'")).longValue();
    }

    public static long caseId(String code) {
        return ((Number) TestDatabase.value("SELECT f.id FROM case_file f JOIN comuna c ON c.id = f.comuna_id"
                + " WHERE c.code = '99981' AND f.code = ?", code)).longValue();
    }

    public static long programId(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99981' AND p.acronym = ?", acronym)).longValue();
    }

    public static long userId(String username) {
        return ((Number) TestDatabase.value("SELECT id FROM app_user WHERE username = ?", username)).longValue();
    }

    public static long otherSession() {
        return ((Number) TestDatabase.value("SELECT s.id FROM mgc_session s JOIN comuna c ON c.id = s.comuna_id"
                + " WHERE c.code = '99982' ORDER BY s.id LIMIT 1")).longValue();
    }

    /**
     * A table of its own with members (their e-mails carry {@code tag}): three permanent (OPD, PPF, Salud;
     * one more who left in 2021) and one eventual (Carabineros).
     */
    public static long table(String tag) {
        try (Connection c = TestDatabase.connect()) {
            long comuna = comunaId();
            long table = insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, ?, 'fixture')"
                    + " RETURNING id", comuna, "Mesa " + tag);
            member(c, table, "PERMANENT", "OPD Actas", "Olga Pérez", "opd." + tag + "@actas.cl", "2020-01-01", null);
            member(c, table, "PERMANENT", "PPF Actas", "Pablo Díaz", "ppf." + tag + "@actas.cl", "2020-01-01", null);
            member(c, table, "PERMANENT", "CESFAM Actas", "Sara Luna", "salud." + tag + "@actas.cl", "2020-01-01", null);
            member(c, table, "PERMANENT", "Escuela Actas", "Ida Ríos", "ida." + tag + "@actas.cl", "2020-01-01", "2021-01-01");
            member(c, table, "EVENTUAL", "Carabineros", "Cabo Rojas", "cabo." + tag + "@actas.cl", "2020-01-01", null);
            return table;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PLANNED session of the table on {@code day} 09:30-12:30, agenda (welcome, approval, cases) and both cases. */
    public static long session(long table, LocalDate day) {
        try (Connection c = TestDatabase.connect()) {
            return session(c, table, comunaId(), day, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Long> agendaItems(long session) {
        List<Long> ids = new ArrayList<>();
        TestDatabase.values("SELECT id FROM mgc_agenda_item WHERE session_id = ? ORDER BY position", session)
                .forEach(v -> ids.add(((Number) v).longValue()));
        return ids;
    }

    public static long caseItem(long session, String caseCode) {
        return ((Number) TestDatabase.value("SELECT ci.id FROM mgc_case_item ci JOIN case_file f ON f.id = ci.case_id"
                + " WHERE ci.session_id = ? AND f.code = ?", session, caseCode)).longValue();
    }

    private static long session(Connection c, long table, long comuna, LocalDate day, boolean agenda) throws SQLException {
        ZonedDateTime starts = day.atTime(LocalTime.of(9, 30)).atZone(ZONE);
        if (day.equals(LocalDate.now(ZONE))) { // today's session has begun: it may be closed
            starts = ZonedDateTime.now(ZONE).minusHours(1).withSecond(0).withNano(0);
        }
        long session = insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place, ical_uid,"
                        + " created_by) VALUES (?, ?, ?, ?, 'Sala de reuniones municipal', ?, 'fixture') RETURNING id",
                table, comuna, starts.toOffsetDateTime(), starts.plusHours(3).toOffsetDateTime(),
                "actas-" + System.nanoTime() + "@redlocal");
        if (agenda) {
            item(c, session, 1, "WELCOME", "Bienvenida");
            item(c, session, 2, "MINUTES_APPROVAL", "Lectura y aprobación del acta anterior");
            item(c, session, 3, "CASES", "Análisis de casos");
            long k1 = ((Number) FixtureSql.id(c, "SELECT f.id FROM case_file f JOIN comuna co ON co.id = f.comuna_id"
                    + " WHERE co.code = '99981' AND f.code = 'A-0001'")).longValue();
            long k2 = ((Number) FixtureSql.id(c, "SELECT f.id FROM case_file f JOIN comuna co ON co.id = f.comuna_id"
                    + " WHERE co.code = '99981' AND f.code = 'A-0002'")).longValue();
            insert(c, "INSERT INTO mgc_case_item (session_id, case_id, origin, reasons, proposed_by, question, position)"
                    + " VALUES (?, ?, 'PICKED', 'Varios programas a la vez', 'fixture', '¿Cómo coordinamos?', 1)"
                    + " RETURNING id", session, k1);
            insert(c, "INSERT INTO mgc_case_item (session_id, case_id, origin, reasons, proposed_by, position)"
                    + " VALUES (?, ?, 'PICKED', 'Sin avance del plan', 'fixture', 2) RETURNING id", session, k2);
        }
        return session;
    }

    private static void item(Connection c, long session, int position, String block, String title) throws SQLException {
        insert(c, "INSERT INTO mgc_agenda_item (session_id, position, block, title) VALUES (?, ?, ?, ?) RETURNING id",
                session, position, block, title);
    }

    private static void member(Connection c, long table, String kind, String institution, String person, String email,
                               String joined, String left) throws SQLException {
        insert(c, "INSERT INTO mgc_member (table_id, kind, institution, person_name, email, joined_on, left_on,"
                        + " created_by) VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), 'fixture') RETURNING id",
                table, kind, institution, person, email, joined, left);
    }

    private static void create(Connection c) throws SQLException {
        LocalDate today = LocalDate.now(ZONE);
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99981', 'Comuna Actas', 'Región Demo')"
                + " RETURNING id");
        long other = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99982', 'Comuna Actas Vecina',"
                + " 'Región Demo') RETURNING id");
        long ma = program(c, comuna, "MA");
        long mb = program(c, comuna, "MB");
        long k1 = caseFile(c, comuna, "A-0001", "Matías", "Acta", "Soto", today);
        involvement(c, comuna, k1, ma);
        long k2 = caseFile(c, comuna, "A-0002", "Belén", "Bravo", "Ruiz", today);
        involvement(c, comuna, k2, mb);
        user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
        user(c, PROFESSIONAL_A, "PROFESIONAL", comuna, ma);
        user(c, PROFESSIONAL_B, "PROFESIONAL", comuna, mb);
        user(c, COORDINATOR, "COORDINADOR", comuna, null);
        long manager = user(c, MANAGER, "GESTOR_TERRITORIAL", other, null);
        insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, comuna);
        user(c, OTHER_COFACILITATOR, "COFACILITADOR", other, null);
        long otherTable = insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, 'Mesa Vecina',"
                + " 'fixture') RETURNING id", other);
        session(c, otherTable, other, today.minusDays(3), false);
    }

    private static long program(Connection c, long comuna, String acronym) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied) VALUES"
                + " (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 3) RETURNING id", comuna, acronym, "Programa " + acronym);
    }

    private static long caseFile(Connection c, long comuna, String code, String name, String paternal, String maternal,
                                 LocalDate today) throws SQLException {
        long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                        + " maternal_surname, birth_date, sex, sector) VALUES (?, 'Sin RUN (prueba)', ?, ?, ?, ?, 'M',"
                        + " 'Norte') RETURNING id", comuna, name, paternal, maternal, today.minusYears(10));
        return insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on, status) VALUES (?, ?, ?, ?,"
                + " 'OPEN') RETURNING id", comuna, code, child, today.minusDays(60));
    }

    private static void involvement(Connection c, long comuna, long caseId, long program) throws SQLException {
        insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?, ?)"
                + " RETURNING id", comuna, caseId, program, LocalDate.now(ZONE).minusDays(60));
    }
}
