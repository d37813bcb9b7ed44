package cl.redlocal.portal.it;

import cl.redlocal.portal.cases.entity.Run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * A comuna of its own for the registry tests, written with plain SQL once per database:
 *
 * <pre>
 * Comuna Registro (99501)    status     slots  ages   territory       court order  referrals
 *   RGA (profesional.rga)    active     1000   0-17   -               no           yes
 *   RGB (profesional.rgb)    active        0   0-17   -               no           yes
 *   RGC                      active        5   6-13   Sector Norte    no           yes
 *   RGD                      active        5   0-17   -               required     yes
 *   RGE                      suspended     5   0-17   -               no           yes
 *   RGF                      active        5   0-17   -               no           no
 * </pre>
 * Users (the demo password): profesional.rga, profesional.rgb, cofacilitador.rg. Names and RUNs of the
 * children the tests register are random, so runs against a kept database do not meet each other.
 */
public final class RegistryFixture {

    public static final String COMUNA_CODE = "99501";
    public static final String PRO_A = "profesional.rga";
    public static final String PRO_B = "profesional.rgb";
    public static final String COFACILITATOR = "cofacilitador.rg";

    private RegistryFixture() {
    }

    public static void ensure() {
        FixtureSql.once(COMUNA_CODE, RegistryFixture::create);
    }

    public static long comunaId() {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = ?", COMUNA_CODE)).longValue();
    }

    public static long programId(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = ? AND p.acronym = ?", COMUNA_CODE, acronym)).longValue();
    }

    /** A valid RUN nobody else in the tests has (a random body of 8 digits). */
    public static String newRun() {
        int body = ThreadLocalRandom.current().nextInt(10_000_000, 30_000_000);
        return body + "-" + Run.checkDigit(body);
    }

    /** The same RUN with a wrong check digit. */
    public static String wrongCheckDigit(String run) {
        char dv = run.charAt(run.length() - 1);
        char wrong = dv == '1' ? '2' : '1';
        return run.substring(0, run.length() - 1) + wrong;
    }

    /** A random word of letters, for names the duplicate search of other tests never meets. */
    public static String word() {
        StringBuilder sb = new StringBuilder("Z");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** A random birth date of a child aged {@code years} today. */
    public static LocalDate bornYearsAgo(int years) {
        return LocalDate.now(java.time.ZoneId.of("America/Santiago")).minusYears(years)
                .minusDays(1 + ThreadLocalRandom.current().nextInt(300));
    }

    private static void create(Connection c) throws SQLException {
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Registro', 'Región Demo')"
                + " RETURNING id", COMUNA_CODE);
        long rga = program(c, comuna, "RGA", "ACTIVE", 1000, 0, 17, null, false, true);
        long rgb = program(c, comuna, "RGB", "ACTIVE", 0, 0, 17, null, false, true);
        program(c, comuna, "RGC", "ACTIVE", 5, 6, 13, "Sector Norte", false, true);
        program(c, comuna, "RGD", "ACTIVE", 5, 0, 17, null, true, true);
        program(c, comuna, "RGE", "SUSPENDED", 5, 0, 17, null, false, true);
        program(c, comuna, "RGF", "ACTIVE", 5, 0, 17, null, false, false);
        user(c, PRO_A, "PROFESIONAL", comuna, rga);
        user(c, PRO_B, "PROFESIONAL", comuna, rgb);
        user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
    }

    private static long program(Connection c, long comuna, String acronym, String status, int slots, int minAge,
                                int maxAge, String territory, boolean courtOrder, boolean referral) throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, min_age, max_age,"
                        + " territory, court_order_required, accepts_referral, accepts_spontaneous, confirmed_at, confirmed_by)"
                        + " VALUES (?, ?, ?, 'PROTECTION', ?, ?, 0, ?, ?, ?, ?, ?, TRUE, now(), 'fixture') RETURNING id",
                comuna, acronym, "Programa Registro " + acronym, status, slots, minAge, maxAge, territory, courtOrder,
                referral);
    }

    /** A case in a comuna (by code) held only by the program with the acronym: for the need-to-know tests. */
    public static long[] caseHeldBy(String comunaCode, String acronym) {
        try (Connection c = TestDatabase.connect()) {
            long comuna = id(c, "SELECT id FROM comuna WHERE code = ?", comunaCode);
            long program = id(c, "SELECT id FROM program WHERE comuna_id = ? AND acronym = ?", comuna, acronym);
            long child = insert(c, "INSERT INTO child (comuna_id, run, given_names, paternal_surname, birth_date, sex,"
                    + " name_key) VALUES (?, ?, ?, 'Reservado', DATE '2015-02-03', 'M', '') RETURNING id", comuna,
                    newRun(), word());
            long theCase = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                    + " DATE '2026-01-10') RETURNING id", comuna, "NK-" + word(), child);
            insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?,"
                    + " DATE '2026-01-10') RETURNING id", comuna, theCase, program);
            return new long[]{theCase, child};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
