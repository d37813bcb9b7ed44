package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Programs and professionals of the referral tests, in the demo comuna (so that the demo's
 * profesional.pie, cofacilitador.opd and the neighbour comuna's users meet them), written with plain SQL
 * once per database. Every test makes its own case with {@link #newCase}, so no test depends on another's
 * or on the demo's random cases.
 *
 * <pre>
 *   DRA  active   slots 50  occ 0   ages 0-17                                    profesional.dra
 *   DRB  active   slots 50  occ 0   ages 0-17                                    profesional.drb, profesional.drb2
 *   DRW  active   slots 1   occ 1   (no vacancy: accepted referrals wait)        profesional.drw
 *   DRX  closed
 *   DRJ  active   ages 12-17, court order required, no referrals, "Sector Norte"
 * </pre>
 */
public final class ReferralFixture {

    public static final String SENDER = "profesional.dra";
    public static final String RECEIVER = "profesional.drb";
    public static final String RECEIVER_2 = "profesional.drb2";
    public static final String WAITING_RECEIVER = "profesional.drw";
    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private static final AtomicInteger CASES = new AtomicInteger();

    private ReferralFixture() {
    }

    public static synchronized void ensure() {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT pg_advisory_xact_lock(990201)");
            if (id(c, "SELECT id FROM program WHERE acronym = 'DRA' AND comuna_id = ?", demoComuna()) == null) {
                create(c);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long demoComuna() {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = '99001'")).longValue();
    }

    public static long program(String acronym) {
        return ((Number) TestDatabase.value("SELECT id FROM program WHERE comuna_id = ? AND acronym = ?", demoComuna(),
                acronym)).longValue();
    }

    public static long userId(String username) {
        return ((Number) TestDatabase.value("SELECT id FROM app_user WHERE username = ?", username)).longValue();
    }

    private static void create(Connection c) throws SQLException {
        long comuna = demoComuna();
        long dra = program(c, comuna, "DRA", "ACTIVE", 50, 0, 0, 17, false, true, null);
        long drb = program(c, comuna, "DRB", "ACTIVE", 50, 0, 0, 17, false, true, null);
        long drw = program(c, comuna, "DRW", "ACTIVE", 1, 1, 0, 17, false, true, null);
        program(c, comuna, "DRX", "CLOSED", 5, 0, 0, 17, false, true, null);
        program(c, comuna, "DRJ", "ACTIVE", 5, 0, 12, 17, true, false, "Sector Norte");
        user(c, SENDER, "PROFESIONAL", comuna, dra);
        user(c, RECEIVER, "PROFESIONAL", comuna, drb);
        user(c, RECEIVER_2, "PROFESIONAL", comuna, drb);
        user(c, WAITING_RECEIVER, "PROFESIONAL", comuna, drw);
    }

    /**
     * A new case of a ten-year-old of sector "Sur", held by {@code holder} since today (so that program's
     * professionals may see it and refer it).
     */
    public static long newCase(String holder) {
        try (Connection c = TestDatabase.connect()) {
            long comuna = demoComuna();
            long child = insert(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname,"
                            + " maternal_surname, birth_date, sex, sector) VALUES (?, 'Sin RUN (prueba)', 'Ana', 'Rojas',"
                            + " 'Soto', ?, 'F', 'Sur') RETURNING id",
                    comuna, LocalDate.now(ZONE).minusYears(10).minusDays(30));
            long caseId = insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?,"
                    + " CURRENT_DATE) RETURNING id", comuna, "DR-" + System.nanoTime() % 100_000_000 + "-"
                    + CASES.incrementAndGet(), child);
            insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?,"
                    + " CURRENT_DATE) RETURNING id", comuna, caseId, program(holder));
            return caseId;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A referral in the given state as if sent by {@code from} today, due on {@code dueOn}, with its first history line. */
    public static long referral(long caseId, String from, String to, String state, LocalDate dueOn) {
        try (Connection c = TestDatabase.connect()) {
            long comuna = demoComuna();
            OffsetDateTime sent = OffsetDateTime.now(ZONE);
            long id = insert(c, "INSERT INTO referral (comuna_id, case_id, from_program_id, to_program_id, state, reason,"
                            + " sent_at, due_on, consent, sent_by, withdrawal_reason, rejection_reason) VALUES (?, ?, ?, ?, ?,"
                            + " 'Necesita intervención especializada', ?, ?, TRUE, ?, ?, ?) RETURNING id",
                    comuna, caseId, program(from), program(to), state, sent, dueOn, SENDER,
                    state.equals("WITHDRAWN") ? "Ya no corresponde" : null,
                    state.equals("REJECTED") ? "No corresponde" : null);
            insert(c, "INSERT INTO referral_event (comuna_id, referral_id, occurred_at, actor, state_after) VALUES"
                    + " (?, ?, ?, ?, 'SENT') RETURNING id", comuna, id, sent, SENDER);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A referral from an outside institution (a school) that wants the answers at {@code email}. */
    public static long outsideReferral(long caseId, String to, String email) {
        try (Connection c = TestDatabase.connect()) {
            long comuna = demoComuna();
            OffsetDateTime sent = OffsetDateTime.now(ZONE);
            long id = insert(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state, reason,"
                            + " sent_at, due_on, consent, sender_email) VALUES (?, ?, 'Escuela Los Aromos', ?, 'SENT',"
                            + " 'Ausentismo escolar reiterado', ?, ?, TRUE, ?) RETURNING id",
                    comuna, caseId, program(to), sent, LocalDate.now(ZONE).plusDays(14), email);
            insert(c, "INSERT INTO referral_event (comuna_id, referral_id, occurred_at, actor, state_after) VALUES"
                    + " (?, ?, ?, 'escuela', 'SENT') RETURNING id", comuna, id, sent);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long program(Connection c, long comuna, String acronym, String status, int slots, int occupied,
                                int minAge, int maxAge, boolean courtOrder, boolean acceptsReferral, String territory)
            throws SQLException {
        return insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, min_age, max_age,"
                        + " court_order_required, accepts_referral, territory, confirmed_at, confirmed_by)"
                        + " VALUES (?, ?, ?, 'PROTECTION', ?, ?, ?, ?, ?, ?, ?, ?, now(), 'fixture') RETURNING id",
                comuna, acronym, "Programa de derivaciones " + acronym, status, slots, occupied, minAge, maxAge,
                courtOrder, acceptsReferral, territory);
    }

}
