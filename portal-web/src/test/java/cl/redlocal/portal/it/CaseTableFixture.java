package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * A small comuna whose shared case table is known in advance, written with plain SQL. Ages and waits
 * count back from today in the portal's time zone, so they hold whatever day the tests run.
 *
 * <pre>
 * Comuna Tabla (99201): programs TA, TB, TC, TD, TE (10 slots each, TB full).
 *  T-0001  4 years, family TF-1, sector Norte, active in TA TB TC TD (4 > 3: over-intervened), one HIGH alert
 *  T-0002  sibling of T-0001, active in TE: the family works with 5 programs (> 4: family over-intervened);
 *          a SENT referral from TE to TC, due 5 days ago (overdue)
 *  T-0003  15 years, sector Sur, active in TA; an earlier TC stay ended 2 years ago (TA is a re-entry);
 *          waiting in TB for 40 days by court order (the only case with a priority)
 *  T-0004  10 years, no program; a SENT referral from TC to TD
 *  T-0005  8 years, CLOSED, a finished stay in TA
 * </pre>
 * Users (the demo password): cofacilitador.tabla, profesional.ta (TA), profesional.td (TD).
 */
public final class CaseTableFixture {

    public static final String COFACILITATOR = "cofacilitador.tabla";
    public static final String PROFESSIONAL_TA = "profesional.ta";
    public static final String PROFESSIONAL_TD = "profesional.td";

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private CaseTableFixture() {
    }

    public static void ensure() {
        FixtureSql.once("99201", CaseTableFixture::create);
    }

    public static long caseId(String code) {
        return ((Number) TestDatabase.value("SELECT f.id FROM case_file f JOIN comuna c ON c.id = f.comuna_id"
                + " WHERE c.code = '99201' AND f.code = ?", code)).longValue();
    }

    public static long programId(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99201' AND p.acronym = ?", acronym)).longValue();
    }

    private static void create(Connection c) throws SQLException {
        LocalDate today = LocalDate.now(ZONE);
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99201', 'Comuna Tabla', 'Región Demo')"
                + " RETURNING id");
        long ta = program(c, comuna, "TA", 10, 4);
        long tb = program(c, comuna, "TB", 10, 10);
        long tc = program(c, comuna, "TC", 10, 2);
        long td = program(c, comuna, "TD", 10, 2);
        long te = program(c, comuna, "TE", 10, 2);
        long family = insert(c, "INSERT INTO family (comuna_id, code, surname, sector) VALUES (?, 'TF-1', 'Tabla Prueba',"
                + " 'Norte') RETURNING id", comuna);

        long k1 = caseFile(c, comuna, family, "T-0001", "Ana", today.minusYears(4).minusDays(10), "Norte", "OPEN");
        for (long p : new long[]{ta, tb, tc, td}) {
            involvement(c, comuna, k1, p, today.minusDays(100), null);
        }
        insert(c, "INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, raised_by) VALUES (?, ?,"
                + " 'VIOLENCIA', 'HIGH', 'fixture') RETURNING id", comuna, k1);

        long k2 = caseFile(c, comuna, family, "T-0002", "Bruno", today.minusYears(7), "Norte", "OPEN");
        involvement(c, comuna, k2, te, today.minusDays(50), null);
        insert(c, "INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason, sent_at,"
                + " due_on) VALUES (?, ?, ?, ?, 'SENT', 'Prueba', now() - interval '20 days', ?) RETURNING id", comuna, k2,
                te, tc, today.minusDays(5));

        long k3 = caseFile(c, comuna, null, "T-0003", "Carla", today.minusYears(15).minusDays(30), "Sur", "OPEN");
        involvement(c, comuna, k3, tc, today.minusYears(3), today.minusYears(2));
        involvement(c, comuna, k3, ta, today.minusDays(60), null);
        OffsetDateTime entered = today.minusDays(40).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
        long referral = insert(c, "INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason,"
                + " sent_at, due_on, court_ordered) VALUES (?, ?, ?, ?, 'WAITING', 'Prueba', ?, ?, TRUE) RETURNING id",
                comuna, k3, ta, tb, entered, today.minusDays(26));
        insert(c, "INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, court_ordered)"
                + " VALUES (?, ?, ?, ?, ?, TRUE) RETURNING id", comuna, tb, k3, referral, entered);

        long k4 = caseFile(c, comuna, null, "T-0004", "Diego", today.minusYears(10).minusDays(3), "Sur", "OPEN");
        insert(c, "INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason, sent_at,"
                + " due_on) VALUES (?, ?, ?, ?, 'SENT', 'Prueba', now(), ?) RETURNING id", comuna, k4, tc, td,
                today.plusDays(14));

        long k5 = caseFile(c, comuna, null, "T-0005", "Elisa", today.minusYears(8), "Centro", "CLOSED");
        involvement(c, comuna, k5, ta, today.minusYears(1), today.minusDays(30));

        user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
        user(c, PROFESSIONAL_TA, "PROFESIONAL", comuna, ta);
        user(c, PROFESSIONAL_TD, "PROFESIONAL", comuna, td);
    }

    private static long program(Connection c, long comuna, String acronym, int slots, int occupied) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied) VALUES"
                + " (?, ?, ?, 'PROTECTION', 'ACTIVE', ?, ?) RETURNING id", comuna, acronym, "Programa " + acronym, slots,
                occupied);
    }

    private static long caseFile(Connection c, long comuna, Long family, String code, String name, LocalDate birth,
                                 String sector, String status) throws SQLException {
        long child = insert(c, "INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname,"
                + " birth_date, sex, sector) VALUES (?, CAST(? AS BIGINT), 'Sin RUN (prueba)', ?, 'Tabla', ?, 'F', ?)"
                + " RETURNING id", comuna, family, name, birth, sector);
        return insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on, status) VALUES (?, ?, ?, ?, ?)"
                + " RETURNING id", comuna, code, child, LocalDate.now(ZONE).minusDays(120), status);
    }

    private static void involvement(Connection c, long comuna, long caseId, long program, LocalDate from, LocalDate to)
            throws SQLException {
        insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on, ended_on, exit_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", comuna, caseId, program, from, to,
                to == null ? null : "Egreso con objetivos logrados");
    }

}
