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
 * Two small comunas whose gap figures are known in advance, written with plain SQL (the offer's write
 * services do not create referrals yet). Waits are whole days back from today in the portal's time
 * zone, so the expected oldest and median waits hold whatever day the tests run.
 *
 * <pre>
 * Comuna Brechas (99101)          slots occ  WAITING referrals (days)   other referrals    locations
 *   BRA  PROTECTION  active          10  10   40, 20, 10                 -                  1
 *   BRB  PROTECTION  active          20   5   4                          4, 100 days ago    2 (one without coordinates)
 *   BRC  HEALTH      active           0   0   8, 6                       -                  1
 *   BRD  HEALTH      active           5   5   -                          -                  1
 *   BRE  EDUCATION   suspended        8   2   -                          -                  1
 *   BRF  OTHER       closed           4   0   30                         -                  1
 * Comuna Brechas Vecina (99102)
 *   BRV  PROTECTION  active          10  10   90, 60                     -                  1
 * </pre>
 * Users: coordinador.brechas, profesional.brechas (BRB), coordinador.brechas.vecina; the demo password.
 */
public final class OfferFixture {

    public static final String COMUNA = "Comuna Brechas";
    public static final String NEIGHBOUR = "Comuna Brechas Vecina";
    public static final String COORDINATOR = "coordinador.brechas";
    public static final String PROFESSIONAL = "profesional.brechas";
    public static final String NEIGHBOUR_COORDINATOR = "coordinador.brechas.vecina";

    /** The portal's default time zone (portal.timezone), which the tests do not change. */
    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private OfferFixture() {
    }

    /** Creates the comunas once per database; later calls find them. */
    public static void ensure() {
        FixtureSql.once("99101", OfferFixture::create);
    }

    public static long comunaId(String name) {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE name = ?", name)).longValue();
    }

    public static long programId(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code IN ('99101', '99102') AND p.acronym = ?", acronym)).longValue();
    }

    private static void create(Connection c) throws SQLException {
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99101', ?, 'Región Demo') RETURNING id", COMUNA);
        long neighbour = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99102', ?, 'Región Demo') RETURNING id", NEIGHBOUR);

        long bra = program(c, comuna, "BRA", "Programa Brechas A", "PROTECTION", "ACTIVE", 10, 10);
        long brb = program(c, comuna, "BRB", "Programa Brechas B", "PROTECTION", "ACTIVE", 20, 5);
        long brc = program(c, comuna, "BRC", "Programa Brechas C", "HEALTH", "ACTIVE", 0, 0);
        long brd = program(c, comuna, "BRD", "Programa Brechas D", "HEALTH", "ACTIVE", 5, 5);
        long bre = program(c, comuna, "BRE", "Programa Brechas E", "EDUCATION", "SUSPENDED", 8, 2);
        long brf = program(c, comuna, "BRF", "Programa Brechas F", "OTHER", "CLOSED", 4, 0);
        long brv = program(c, neighbour, "BRV", "Programa Brechas Vecina", "PROTECTION", "ACTIVE", 10, 10);

        location(c, comuna, bra, "Sede BRA", -33.500, -70.600);
        location(c, comuna, brb, "Sede BRB", -33.505, -70.610);
        location(c, comuna, brb, "Sede BRB Rural", null, null);
        location(c, comuna, brc, "Sede BRC", -33.510, -70.620);
        location(c, comuna, brd, "Sede BRD", -33.515, -70.630);
        location(c, comuna, bre, "Sede BRE", -33.520, -70.640);
        location(c, comuna, brf, "Sede BRF", -33.525, -70.650);
        location(c, neighbour, brv, "Sede BRV", -33.600, -70.700);

        long caseFile = caseFile(c, comuna, "B-2026-0001");
        referral(c, comuna, caseFile, bra, "WAITING", 40);
        referral(c, comuna, caseFile, bra, "WAITING", 20);
        referral(c, comuna, caseFile, bra, "WAITING", 10);
        referral(c, comuna, caseFile, brb, "WAITING", 4);
        referral(c, comuna, caseFile, brb, "ACCEPTED", 100);
        referral(c, comuna, caseFile, brb, "ADMITTED", 100);
        referral(c, comuna, caseFile, brb, "REJECTED", 100);
        referral(c, comuna, caseFile, brb, "SENT", 4);
        referral(c, comuna, caseFile, brc, "WAITING", 8);
        referral(c, comuna, caseFile, brc, "WAITING", 6);
        referral(c, comuna, caseFile, brf, "WAITING", 30);
        long neighbourCase = caseFile(c, neighbour, "BV-2026-0001");
        referral(c, neighbour, neighbourCase, brv, "WAITING", 90);
        referral(c, neighbour, neighbourCase, brv, "WAITING", 60);

        user(c, COORDINATOR, "COORDINADOR", comuna, null);
        user(c, PROFESSIONAL, "PROFESIONAL", comuna, brb);
        user(c, NEIGHBOUR_COORDINATOR, "COORDINADOR", neighbour, null);
    }

    private static long program(Connection c, long comuna, String acronym, String name, String sector, String status,
                                int slots, int occupied) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, confirmed_at,"
                + " confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?, now(), 'fixture') RETURNING id",
                comuna, acronym, name, sector, status, slots, occupied);
    }

    private static void location(Connection c, long comuna, long program, String name, Double latitude,
                                 Double longitude) throws SQLException {
        insert(c, "INSERT INTO program_location (comuna_id, program_id, name, address, sector, latitude, longitude)"
                        + " VALUES (?, ?, ?, 'Avenida Central 100', 'Centro', CAST(? AS NUMERIC), CAST(? AS NUMERIC)) RETURNING id",
                comuna, program, name, latitude, longitude);
    }

    private static long caseFile(Connection c, long comuna, String code) throws SQLException {
        long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, birth_date, sex)"
                + " VALUES (?, 'Sin RUN (prueba)', 'Niña', 'De Prueba', DATE '2016-05-01', 'F') RETURNING id", comuna);
        return insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?, DATE '2026-01-05')"
                + " RETURNING id", comuna, code, child);
    }

    private static int waitingCases;

    /**
     * A referral sent {@code daysAgo} calendar days before today, mid-morning in the portal's time zone.
     * A WAITING one is the entry of its own case in the target's waiting list, which it joined then.
     */
    private static void referral(Connection c, long comuna, long caseFile, long toProgram, String state, int daysAgo)
            throws SQLException {
        OffsetDateTime sent = LocalDate.now(ZONE).minusDays(daysAgo).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
        long theCase = state.equals("WAITING")
                ? caseFile(c, comuna, "W-" + comuna + "-" + (++waitingCases)) : caseFile;
        long referral = insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state, reason,"
                        + " rejection_reason, sent_at, due_on) VALUES (?, ?, 'Escuela de prueba', ?, ?, 'Prueba de brechas',"
                        + " ?, ?, CAST(? AS DATE) + 14) RETURNING id", comuna, theCase, toProgram, state,
                state.equals("REJECTED") ? "No cumple criterio" : null, sent, sent.toLocalDate());
        if (state.equals("WAITING")) {
            insert(c, "INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING id", comuna, toProgram, theCase, referral, sent);
        }
    }

}
