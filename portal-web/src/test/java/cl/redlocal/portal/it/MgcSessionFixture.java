package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * The Case Management Table, part A: Comuna Mesa A (99961) with a co-facilitator, the coordinator, a
 * program MGA with its professional, and a territorial manager (own comuna: the neighbour) who supports
 * it; Comuna Mesa A Vecina (99962) with its own co-facilitator. Tests make their own tables, members
 * and sessions with unique names and addresses through the helpers below (plain SQL).
 */
public final class MgcSessionFixture {

    public static final String COMUNA = "99961";
    public static final String OTHER_COMUNA = "99962";
    public static final String COFACILITATOR = "cofacilitador.mgca";
    public static final String COORDINATOR = "coordinador.mgca";
    public static final String PROFESSIONAL = "profesional.mgca";
    public static final String MANAGER = "gestor.mgca";
    public static final String OTHER_COFACILITATOR = "cofacilitador.mgca2";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private MgcSessionFixture() {
    }

    public static void ensure() {
        FixtureSql.once(COMUNA, c -> {
            long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa A', 'Región Demo')"
                    + " RETURNING id", COMUNA);
            long other = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Mesa A Vecina',"
                    + " 'Región Demo') RETURNING id", OTHER_COMUNA);
            long program = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied,"
                    + " confirmed_at, confirmed_by) VALUES (?, 'MGA', 'Programa Mesa A', 'PROTECTION', 'ACTIVE', 10, 0,"
                    + " now(), 'fixture') RETURNING id", comuna);
            user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
            user(c, COORDINATOR, "COORDINADOR", comuna, null);
            user(c, PROFESSIONAL, "PROFESIONAL", comuna, program);
            user(c, OTHER_COFACILITATOR, "COFACILITADOR", other, null);
            long manager = user(c, MANAGER, "GESTOR_TERRITORIAL", other, null);
            insert(c, "INSERT INTO user_comuna (user_id, comuna_id) VALUES (?, ?) RETURNING user_id", manager, comuna);
        });
    }

    public static long comunaId(String code) {
        return ((Number) TestDatabase.value("SELECT id FROM comuna WHERE code = ?", code)).longValue();
    }

    public static long userId(String username) {
        return ((Number) TestDatabase.value("SELECT id FROM app_user WHERE username = ?", username)).longValue();
    }

    public static String unique(String prefix) {
        return prefix + " " + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    public static long table(String comunaCode, String name) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, ?, 'fixture') RETURNING id",
                    comunaId(comunaCode), name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long member(long table, String kind, String institution, String person, String email, Long userId,
                              LocalDate joinedOn, LocalDate leftOn) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, "INSERT INTO mgc_member (table_id, kind, institution, person_name, email, user_id, joined_on,"
                            + " left_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'fixture') RETURNING id",
                    table, kind, institution, person, email, userId, joinedOn, leftOn);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PLANNED session of the table (any date: the service itself refuses past ones). */
    public static long session(long table, Instant start, int minutes, String place) {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place, ical_uid, created_by)"
                            + " SELECT id, comuna_id, ?, ?, ?, ?, 'fixture' FROM mgc_table WHERE id = ? RETURNING id",
                    Timestamp.from(start), Timestamp.from(start.plusSeconds(minutes * 60L)), place,
                    UUID.randomUUID() + "@fixture", table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
