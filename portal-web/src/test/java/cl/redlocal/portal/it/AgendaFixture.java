package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Issue 6 part B fixtures with plain SQL: Comuna Mesa B (99971) with a co-facilitator and a coordinator,
 * Comuna Mesa B Vecina (99972) with a co-facilitator and the territorial manager (who supports 99971), and
 * Comuna Mesa B Próxima (99973) whose "next session" only the alert-request test moves. Tables, sessions and
 * agreements (parts A and C) are inserted here by SQL; every test makes its own programs, cases and sessions.
 */
public final class AgendaFixture {

    public static final String COMUNA = "99971";
    public static final String OTHER_COMUNA = "99972";
    public static final String NEXT_COMUNA = "99973";
    public static final String COFACILITATOR = "cofacilitador.mgcb";
    public static final String COORDINATOR = "coordinador.mgcb";
    public static final String OTHER_COFACILITATOR = "cofacilitador.mgcb2";
    public static final String MANAGER = "gestor.mgcb";
    public static final String NEXT_COFACILITATOR = "cofacilitador.mgcb3";
    public static final String DEMO_COMUNA = "99974";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public record Program(long id, String acronym, String professional) {
    }

    public record Case(long id, String code) {
    }

    private AgendaFixture() {
    }

    public static void ensure() {
        FixtureSql.once(COMUNA, c -> {
            long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa B', 'Región Demo')"
                    + " RETURNING id", COMUNA);
            long other = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa B Vecina',"
                    + " 'Región Demo') RETURNING id", OTHER_COMUNA);
            long next = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa B Próxima',"
                    + " 'Región Demo') RETURNING id", NEXT_COMUNA);
            user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
            user(c, COORDINATOR, "COORDINADOR", comuna, null);
            user(c, OTHER_COFACILITATOR, "COFACILITADOR", other, null);
            user(c, NEXT_COFACILITATOR, "COFACILITADOR", next, null);
            long manager = user(c, MANAGER, "GESTOR_TERRITORIAL", other, null);
            insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, comuna);
        });
        FixtureSql.once(DEMO_COMUNA, c -> {
            long demo = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa B Demo',"
                    + " 'Región Demo') RETURNING id", DEMO_COMUNA);
            long ppf = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied)"
                    + " VALUES (?, 'PPF', 'Programa de Prevención Focalizada', 'PROTECTION', 'ACTIVE', 10, 0) RETURNING id", demo);
            user(c, "prof.mgcb.ppf", "PROFESIONAL", demo, ppf);
        });
    }

    public static long programId(String comunaCode, String acronym) {
        return TestDatabase.count("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id WHERE c.code = ?"
                + " AND p.acronym = ?", comunaCode, acronym);
    }

    public static long comunaId(String code) {
        return TestDatabase.count("SELECT id FROM comuna WHERE code = ?", code);
    }

    static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "T" + System.nanoTime() % 1000000;
    }

    public static Program program(String comunaCode) {
        String acronym = unique("MB");
        String professional = "prof." + acronym.toLowerCase();
        try (Connection c = TestDatabase.connect()) {
            long id = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at,"
                            + " confirmed_by) VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 0, now(), 'fixture') RETURNING id",
                    comunaId(comunaCode), acronym, "Programa " + acronym);
            user(c, professional, "PROFESIONAL", comunaId(comunaCode), id);
            return new Program(id, acronym, professional);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case of Berta Mesa Prueba (B.M.P.). */
    public static Case newCase(String comunaCode) {
        String code = unique("MGB-");
        long comuna = comunaId(comunaCode);
        long child = sql("INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, maternal_surname,"
                + " birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Berta', 'Mesa', 'Prueba', current_date - 3000, 'F')"
                + " RETURNING id", comuna);
        return new Case(sql("INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?, current_date - 500)"
                + " RETURNING id", comuna, code, child), code);
    }

    public static long table(String comunaCode) {
        return sql("INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, ?, 'fixture') RETURNING id",
                comunaId(comunaCode), unique("Mesa B "));
    }

    /** A session of the table starting {@code daysFromNow} days from now (negative: in the past). */
    public static long session(long table, int daysFromNow, String state) {
        return sql("INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place, state, ical_uid, created_by,"
                        + " cancel_reason, closed_at, closed_by) SELECT id, comuna_id, now() + make_interval(days => ?),"
                        + " now() + make_interval(days => ?) + interval '3 hours', 'Sala de prueba', ?, ?, 'fixture',"
                        + " CASE WHEN ? = 'CANCELLED' THEN 'prueba' END, CASE WHEN ? = 'HELD' THEN now() END,"
                        + " CASE WHEN ? = 'HELD' THEN 'fixture' END FROM mgc_table WHERE id = ? RETURNING id",
                daysFromNow, daysFromNow, state, unique("uid-") + "@redlocal", state, state, state, table);
    }

    public static long agreement(long table, long session, String status, int dueDaysFromToday) {
        return sql("INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution,"
                        + " responsible_name, due_on, status, done_on, created_by) SELECT t.id, t.comuna_id, ?, ?, 'OPD',"
                        + " 'Persona Responsable', current_date + ?, ?, CASE WHEN ? = 'DONE' THEN current_date END, 'fixture'"
                        + " FROM mgc_table t WHERE t.id = ? RETURNING id",
                session, unique("Acuerdo "), dueDaysFromToday, status, status, table);
    }

    public static long stay(Case k, Program p, int startedDaysAgo) {
        return sql("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) SELECT comuna_id, id, ?,"
                + " current_date - ? FROM case_file WHERE id = ? RETURNING id", p.id(), startedDaysAgo, k.id());
    }

    public static long alert(Case k, String severity, String state) {
        return sql("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, state, raised_by, description,"
                + " resolved_by, resolved_at) SELECT comuna_id, id, 'DOMESTIC_VIOLENCE', ?, ?, 'fixture', 'Alerta de prueba',"
                + " CASE WHEN ? = 'RESOLVED' THEN 'fixture' END, CASE WHEN ? = 'RESOLVED' THEN now() END"
                + " FROM case_file WHERE id = ? RETURNING id", severity, state, state, state, k.id());
    }

    /**
     * A referral to the program: sent {@code sentDaysAgo} days ago, answered {@code answeredDaysAgo} days ago
     * (null: unanswered), due {@code dueDaysFromToday} days from today.
     */
    public static long referral(Case k, Program to, String state, int sentDaysAgo, Integer answeredDaysAgo,
                                int dueDaysFromToday) {
        return sql("INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state, urgency, reason,"
                        + " rejection_reason, sent_at, answered_at, due_on) SELECT comuna_id, id, 'Escuela de prueba', ?, ?,"
                        + " 'NORMAL', 'Prueba de flujos', CASE WHEN ? = 'REJECTED' THEN 'Sin perfil' END,"
                        + " now() - make_interval(days => ?), now() - make_interval(days => CAST(? AS INTEGER)),"
                        + " current_date + ? FROM case_file WHERE id = ? RETURNING id",
                to.id(), state, state, sentDaysAgo, answeredDaysAgo, dueDaysFromToday, k.id());
    }

    /** A waiting entry (through the referral) entered {@code enteredDaysAgo}, exited {@code exitedDaysAgo} (or null). */
    public static long waiting(Case k, Program p, long referral, int enteredDaysAgo, Integer exitedDaysAgo) {
        return sql("INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, exited_at,"
                        + " exit_reason) SELECT comuna_id, ?, id, ?, now() - make_interval(days => ?),"
                        + " now() - make_interval(days => CAST(? AS INTEGER)),"
                        + " CASE WHEN CAST(? AS INTEGER) IS NOT NULL THEN 'ADMITTED' END FROM case_file WHERE id = ? RETURNING id",
                p.id(), referral, enteredDaysAgo, exitedDaysAgo, exitedDaysAgo, k.id());
    }

    /** A plan with one action of the program, due {@code dueDaysFromToday}, last changed {@code changedDaysAgo}. */
    public static long planAction(Case k, Program p, String status, int dueDaysFromToday, int changedDaysAgo) {
        Object existing = TestDatabase.values("SELECT id FROM work_plan WHERE case_id = ?", k.id()).stream().findFirst()
                .orElse(null);
        long plan = existing == null ? sql("INSERT INTO work_plan (comuna_id, case_id, created_by) SELECT comuna_id, id,"
                + " 'fixture' FROM case_file WHERE id = ? RETURNING id", k.id()) : ((Number) existing).longValue();
        long goal = sql("INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES (?, 'FAMILY',"
                + " 'Meta de prueba', 'fixture') RETURNING id", plan);
        return sql("INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_name,"
                        + " starts_on, due_on, status, created_by, created_at, updated_at) SELECT ?, ?, comuna_id,"
                        + " 'Acción de prueba', ?, 'Dupla', current_date - 200, current_date + ?, ?, 'fixture',"
                        + " now() - interval '200 days', now() - make_interval(days => ?) FROM case_file WHERE id = ?"
                        + " RETURNING id", plan, goal, p.id(), dueDaysFromToday, status, changedDaysAgo, k.id());
    }

    /**
     * A CURRENT diagnosis of the case by the program with the comuna's published instrument: every item scored
     * {@code score}, the first dimension's items scored 1.
     */
    public static long diagnosis(Case k, Program by, int score) {
        long diagnosis = sql("INSERT INTO diagnosis (comuna_id, case_id, number, instrument_id, program_id, author, author_name,"
                + " state, summary, completed_at) SELECT c.comuna_id, c.id, 1, i.id, ?, ?, 'Dupla de prueba', 'CURRENT',"
                + " 'Resumen de prueba', now() FROM case_file c JOIN diagnosis_instrument i ON i.comuna_id = c.comuna_id"
                + " AND i.state = 'PUBLISHED' WHERE c.id = ? RETURNING id", by.id(), by.professional(), k.id());
        update("INSERT INTO diagnosis_score (diagnosis_id, item_id, score) SELECT d.id, it.id, CASE WHEN dd.position ="
                + " (SELECT min(position) FROM diagnosis_dimension WHERE instrument_id = d.instrument_id) THEN 1 ELSE ? END"
                + " FROM diagnosis d JOIN diagnosis_dimension dd ON dd.instrument_id = d.instrument_id"
                + " JOIN diagnosis_item it ON it.dimension_id = dd.id WHERE d.id = ?", score, diagnosis);
        return diagnosis;
    }

    public static long agendaRequest(Case k, long alert) {
        return sql("INSERT INTO session_agenda_request (comuna_id, case_id, alert_id, reason, requested_by) SELECT"
                + " comuna_id, id, ?, 'Alerta alta: violencia', 'fixture' FROM case_file WHERE id = ? RETURNING id", alert, k.id());
    }

    public static long caseItem(long session, Case k, String origin, String state) {
        return sql("INSERT INTO mgc_case_item (session_id, case_id, origin, reasons, state, proposed_by) VALUES"
                + " (?, ?, ?, 'Motivo de prueba', ?, 'fixture') RETURNING id", session, k.id(), origin, state);
    }

    static void update(String sql, Object... args) {
        try {
            TestDatabase.update(sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long sql(String sql, Object... args) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
