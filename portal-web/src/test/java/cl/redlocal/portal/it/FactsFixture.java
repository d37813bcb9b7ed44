package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * The domain facts' fixture, Comuna Hechos (99931), written once with plain SQL (days relative to today).
 *
 * <p>The child whose three re-entry figures used to disagree, Rosa Reingreso (case HEC-0001), has seven
 * stays in programs HA, HB and HC over four years, in three episodes (docs/facts.md):
 * <pre>
 *   S1 HA  4y ago .. 3y9m ago        episode 1
 *   S2 HB  3y9m ago .. 3y6m ago      episode 1 (starts the day S1 ends: they touch)
 *   S3 HA  3y ago .. 1y ago          episode 2, a re-entry 6 months after episode 1 ended
 *   S4 HC  2y6m ago .. 1y ago        episode 2 (overlaps S3)
 *   S5 HB  1y3m ago .. 10m ago       episode 2 (overlaps S3; starts 21 months after S2 ended)
 *   S6 HA  6m ago .. running         episode 3, a re-entry 4 months after episode 2 ended
 *   S7 HC  3m ago .. running         episode 3 (overlaps S6)
 * </pre>
 * Two re-entries in 5 years, both within 24 months of an exit. The old definitions said: the waiting
 * priority 6 (every stay beyond the first), the case page and the RE_ENTRY rule 4 entries (a stay starting
 * the day another ended was a new entry), follow-up 5 stays within 24 months of some exit. The child
 * waits in program HD's list (for the priority's criterion).
 *
 * <p>Referrals with known answers (HEC-0002) and agreements with known outcomes (table "Mesa Hechos").
 */
final class FactsFixture {

    static final String COMUNA_CODE = "99931";
    static final String COFACILITATOR = "cofacilitador.hechos";
    static final String CASE_CODE = "HEC-0001";
    static final String REFERRALS_CASE_CODE = "HEC-0002";

    private FactsFixture() {
    }

    static void ensure() {
        FixtureSql.once(COMUNA_CODE, FactsFixture::create);
    }

    static long id(String sql, Object... parameters) {
        return ((Number) TestDatabase.value(sql, parameters)).longValue();
    }

    static long caseId(String code) {
        return id("SELECT id FROM case_file WHERE code = ?", code);
    }

    static long programId(String acronym) {
        return id("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id WHERE c.code = ? AND p.acronym = ?",
                COMUNA_CODE, acronym);
    }

    /** A stay of the fixture's child by its label S1..S7 (its exit reason). */
    static long stay(String label) {
        return id("SELECT i.id FROM case_involvement i JOIN case_file c ON c.id = i.case_id WHERE c.code = ?"
                + " AND i.exit_reason = ?", CASE_CODE, label);
    }

    static long referral(String reason) {
        return id("SELECT id FROM referral WHERE reason = ?", reason);
    }

    static long agreement(String description) {
        return id("SELECT id FROM mgc_agreement WHERE description = ?", description);
    }

    private static void create(Connection c) throws SQLException {
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Hechos', 'Región Demo')"
                + " RETURNING id", COMUNA_CODE);
        long cofacilitator = user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
        long ha = program(c, comuna, "HA");
        long hb = program(c, comuna, "HB");
        long hc = program(c, comuna, "HC");
        long hd = program(c, comuna, "HD");

        long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                + " maternal_surname, birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Rosa', 'Reingreso', 'Prueba',"
                + " current_date - 3000, 'F') RETURNING id", comuna);
        long kase = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                + " current_date - INTERVAL '4 years') RETURNING id", comuna, CASE_CODE, child);
        // the exit reason names the stay, so the test finds it (a running stay keeps its label there too)
        stay(c, comuna, kase, ha, "S1", "4 years", "3 years 9 months");
        stay(c, comuna, kase, hb, "S2", "3 years 9 months", "3 years 6 months");
        stay(c, comuna, kase, ha, "S3", "3 years", "1 year");
        stay(c, comuna, kase, hc, "S4", "2 years 6 months", "1 year");
        stay(c, comuna, kase, hb, "S5", "1 year 3 months", "10 months");
        stay(c, comuna, kase, ha, "S6", "6 months", null);
        stay(c, comuna, kase, hc, "S7", "3 months", null);
        long waiting = insert(c, "INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state,"
                + " reason, sent_at, answered_at, due_on) VALUES (?, ?, ?, ?, 'WAITING', 'Espera de Rosa',"
                + " now() - INTERVAL '20 days', now() - INTERVAL '15 days', current_date - 10) RETURNING id",
                comuna, kase, ha, hd);
        insert(c, "INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at)"
                + " VALUES (?, ?, ?, ?, now() - INTERVAL '15 days') RETURNING id", comuna, hd, kase, waiting);

        // referrals with known answers; the zone matters: 02:00 UTC on 16 January is 23:00 of the 15th in Santiago
        long child2 = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                + " birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Dario', 'Derivado', current_date - 2000, 'M')"
                + " RETURNING id", comuna);
        long kase2 = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                + " DATE '2026-01-01') RETURNING id", comuna, REFERRALS_CASE_CODE, child2);
        referral(c, comuna, kase2, ha, hb, "pending", "SENT", "2026-01-05 12:00:00+00", null, "2026-01-19", null);
        referral(c, comuna, kase2, ha, hb, "late admitted", "ADMITTED", "2026-01-05 12:00:00+00",
                "2026-01-22 15:00:00+00", "2026-01-19", null);
        referral(c, comuna, kase2, ha, hc, "on time rejected", "REJECTED", "2026-01-05 12:00:00+00",
                "2026-01-07 15:00:00+00", "2026-01-19", "Sin cupo ni perfil");
        referral(c, comuna, kase2, hb, hd, "late evening in Santiago", "WAITING", "2026-01-05 12:00:00+00",
                "2026-01-16 02:00:00+00", "2026-01-15", null);
        referral(c, comuna, kase2, hb, hc, "closed from the list", "CLOSED", "2026-01-05 12:00:00+00",
                "2026-01-06 12:00:00+00", "2026-01-19", null);
        referral(c, comuna, kase2, hc, ha, "withdrawn unanswered", "WITHDRAWN", "2026-01-05 12:00:00+00",
                null, "2026-01-19", null);

        // agreements of a table session with known outcomes
        long table = insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, 'Mesa Hechos', 'fixture')"
                + " RETURNING id", comuna);
        long session = insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, state, ical_uid,"
                + " created_by) VALUES (?, ?, TIMESTAMPTZ '2026-02-02 12:00:00+00', TIMESTAMPTZ '2026-02-02 14:00:00+00',"
                + " 'HELD', 'hechos-' || ?, 'fixture') RETURNING id", table, comuna, cofacilitator);
        agreement(c, table, comuna, session, "done on its day", "2026-03-01", "DONE", "2026-03-01");
        agreement(c, table, comuna, session, "done a day late", "2026-03-01", "DONE", "2026-03-02");
        agreement(c, table, comuna, session, "still pending", "2026-03-01", "PENDING", null);
        agreement(c, table, comuna, session, "cancelled", "2026-03-01", "CANCELLED", null);
    }

    private static long program(Connection c, long comuna, String acronym) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at,"
                + " confirmed_by) VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 0, now(), 'fixture') RETURNING id",
                comuna, acronym, "Programa " + acronym);
    }

    private static void stay(Connection c, long comuna, long kase, long program, String label, String startedAgo,
            String endedAgo) throws SQLException {
        insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on, exit_reason)"
                + " VALUES (?, ?, ?, CAST(current_date - CAST(? AS INTERVAL) AS DATE),"
                + " CAST(current_date - CAST(? AS INTERVAL) AS DATE), ?) RETURNING id",
                comuna, kase, program, startedAgo, endedAgo, label);
    }

    private static void referral(Connection c, long comuna, long kase, long from, long to, String reason, String state,
            String sentAt, String answeredAt, String dueOn, String rejection) throws SQLException {
        insert(c, "INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason,"
                + " rejection_reason, sent_at, answered_at, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ),"
                + " CAST(? AS TIMESTAMPTZ), CAST(? AS DATE)) RETURNING id",
                comuna, kase, from, to, state, reason, rejection, sentAt, answeredAt, dueOn);
    }

    private static void agreement(Connection c, long table, long comuna, long session, String description, String dueOn,
            String status, String doneOn) throws SQLException {
        insert(c, "INSERT INTO mgc_agreement (table_id, comuna_id, session_id, description, responsible_institution,"
                + " responsible_name, due_on, status, done_on, created_by) VALUES (?, ?, ?, ?, 'Escuela', 'Persona',"
                + " CAST(? AS DATE), ?, CAST(? AS DATE), 'fixture') RETURNING id",
                table, comuna, session, description, dueOn, status, doneOn);
    }
}
