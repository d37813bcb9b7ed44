package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Comuna Plan (99801) for the plan and accompaniment tests, written with plain SQL; dates count from
 * today in the portal's time zone.
 *
 * <pre>
 * Programs PA, PB, PC.  Family PL-F1: P-0001 (active in PA and PB) and P-0003 (active in PB).
 *  P-0001 has a plan: goal FAMILY "Buen trato en el hogar" with actions
 *    A1 PA, PENDING, due 10 days ago (overdue)      A2 PB, IN_PROGRESS, due in 20 days
 *    A3 PB, DONE, due 15 days ago (not overdue)      A4 PB, IN_PROGRESS, due 3 days ago (overdue)
 *  P-0002 active in PC only (no plan).  P-0004 (PA and PB, family PL-F2) for the page tests.
 *  P-0005 (PA, family PL-F3) for the accompaniment tests; P-0006 (PA, family PL-F4) for the pages.
 * </pre>
 * Users (the demo password): cofacilitador.plan, profesional.pa, profesional.pb, profesional.pc.
 */
public final class PlanFixture {

    public static final String COFACILITATOR = "cofacilitador.plan";
    public static final String PA = "profesional.pa";
    public static final String PB = "profesional.pb";
    public static final String PC = "profesional.pc";

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private PlanFixture() {
    }

    public static void ensure() {
        FixtureSql.once("99801", PlanFixture::create);
    }

    public static long caseId(String code) {
        return ((Number) TestDatabase.value("SELECT f.id FROM case_file f JOIN comuna c ON c.id = f.comuna_id"
                + " WHERE c.code = '99801' AND f.code = ?", code)).longValue();
    }

    public static long programId(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99801' AND p.acronym = ?", acronym)).longValue();
    }

    public static long familyId(String code) {
        return ((Number) TestDatabase.value("SELECT id FROM family WHERE code = ?", code)).longValue();
    }

    public static long userId(String username) {
        return ((Number) TestDatabase.value("SELECT id FROM app_user WHERE username = ?", username)).longValue();
    }

    /** The fixture action with this description (A1..A4). */
    public static long actionId(String description) {
        return ((Number) TestDatabase.value("SELECT id FROM plan_action WHERE description = ?", description)).longValue();
    }

    public static long goalId(String caseCode) {
        return ((Number) TestDatabase.value("SELECT min(g.id) FROM plan_goal g JOIN work_plan w ON w.id = g.plan_id"
                + " WHERE w.case_id = ?", caseId(caseCode))).longValue();
    }

    private static void create(Connection c) throws SQLException {
        LocalDate today = LocalDate.now(ZONE);
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99801', 'Comuna Plan', 'Región Demo')"
                + " RETURNING id");
        long pa = program(c, comuna, "PA");
        long pb = program(c, comuna, "PB");
        long pc = program(c, comuna, "PC");
        long f1 = family(c, comuna, "PL-F1");
        long k1 = caseFile(c, comuna, f1, "P-0001", "Pedro");
        involvement(c, comuna, k1, pa);
        involvement(c, comuna, k1, pb);
        long k3 = caseFile(c, comuna, f1, "P-0003", "Paula");
        involvement(c, comuna, k3, pb);
        long k2 = caseFile(c, comuna, null, "P-0002", "Pablo");
        involvement(c, comuna, k2, pc);
        long k4 = caseFile(c, comuna, family(c, comuna, "PL-F2"), "P-0004", "Pilar");
        involvement(c, comuna, k4, pa);
        involvement(c, comuna, k4, pb);
        long k5 = caseFile(c, comuna, family(c, comuna, "PL-F3"), "P-0005", "Patricio");
        involvement(c, comuna, k5, pa);
        long k6 = caseFile(c, comuna, family(c, comuna, "PL-F4"), "P-0006", "Pía");
        involvement(c, comuna, k6, pa);

        user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
        long userPa = user(c, PA, "PROFESIONAL", comuna, pa);
        long userPb = user(c, PB, "PROFESIONAL", comuna, pb);
        user(c, PC, "PROFESIONAL", comuna, pc);

        long plan = insert(c, "INSERT INTO work_plan (comuna_id, case_id, family_id, created_by) VALUES (?, ?, ?,"
                + " 'fixture') RETURNING id", comuna, k1, f1);
        long goal = insert(c, "INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES (?, 'FAMILY',"
                + " 'Buen trato en el hogar', 'fixture') RETURNING id", plan);
        action(c, plan, goal, comuna, "A1", pa, userPa, today.minusDays(40), today.minusDays(10), "PENDING", 0);
        action(c, plan, goal, comuna, "A2", pb, userPb, today.minusDays(5), today.plusDays(20), "IN_PROGRESS", 30);
        action(c, plan, goal, comuna, "A3", pb, userPb, today.minusDays(40), today.minusDays(15), "DONE", 100);
        action(c, plan, goal, comuna, "A4", pb, userPb, today.minusDays(30), today.minusDays(3), "IN_PROGRESS", 50);
    }

    private static void action(Connection c, long plan, long goal, long comuna, String description, long program,
                               long user, LocalDate starts, LocalDate due, String status, int progress)
            throws SQLException {
        insert(c, "INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_user_id,"
                + " starts_on, due_on, status, progress, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture')"
                + " RETURNING id", plan, goal, comuna, description, program, user, starts, due, status, progress);
    }

    private static long program(Connection c, long comuna, String acronym) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied) VALUES"
                + " (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 3) RETURNING id", comuna, acronym, "Programa " + acronym);
    }

    private static long family(Connection c, long comuna, String code) throws SQLException {
        return insert(c, "INSERT INTO family (comuna_id, code, surname, sector) VALUES (?, ?, 'Plan Prueba', 'Norte')"
                + " RETURNING id", comuna, code);
    }

    private static long caseFile(Connection c, long comuna, Long family, String code, String name)
            throws SQLException {
        LocalDate today = LocalDate.now(ZONE);
        long child = insert(c, "INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname,"
                + " birth_date, sex, sector) VALUES (?, CAST(? AS BIGINT), 'Sin RUN (prueba)', ?, 'Planes', ?, 'M',"
                + " 'Norte') RETURNING id", comuna, family, name, today.minusYears(9));
        return insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on, status) VALUES (?, ?, ?, ?,"
                + " 'OPEN') RETURNING id", comuna, code, child, today.minusDays(90));
    }

    private static void involvement(Connection c, long comuna, long caseId, long program) throws SQLException {
        insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?, ?)"
                + " RETURNING id", comuna, caseId, program, LocalDate.now(ZONE).minusDays(80));
    }
}
