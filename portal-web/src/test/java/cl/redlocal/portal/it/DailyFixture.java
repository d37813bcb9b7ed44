package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;

/**
 * Comuna Diaria (99903) for the daily-use tests of issue 16: a co-facilitator and a table ("Mesa Diaria") with
 * a session that ended a week ago and nobody closed (still PLANNED), a closed one before it and one to come;
 * one member outside the portal (Sara Salud, CESFAM).
 */
public final class DailyFixture {

    public static final String COFACILITATOR = "cofacilitador.diaria";
    public static final String TABLE = "Mesa Diaria";
    public static final ZoneId ZONE = ZoneId.of("America/Santiago");

    private DailyFixture() {
    }

    public static void ensure() {
        FixtureSql.once("99903", DailyFixture::create);
    }

    public static long table() {
        return ((Number) TestDatabase.value("SELECT t.id FROM mgc_table t JOIN comuna c ON c.id = t.comuna_id"
                + " WHERE c.code = '99903'")).longValue();
    }

    public static long unclosedSession() {
        return ((Number) TestDatabase.value("SELECT s.id FROM mgc_session s JOIN comuna c ON c.id = s.comuna_id"
                + " WHERE c.code = '99903' AND s.state = 'PLANNED' AND s.ends_at < now()")).longValue();
    }

    private static void create(Connection c) throws SQLException {
        LocalDate today = LocalDate.now(ZONE);
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES ('99903', 'Comuna Diaria', 'Región Demo')"
                + " RETURNING id");
        user(c, COFACILITATOR, "COFACILITADOR", comuna, null);
        long table = insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, ?, 'fixture') RETURNING id",
                comuna, TABLE);
        insert(c, "INSERT INTO mgc_member (table_id, kind, institution, person_name, email, joined_on, created_by)"
                + " VALUES (?, 'PERMANENT', 'CESFAM Diaria', 'Sara Salud', 'sara@diaria.cl', ?, 'fixture') RETURNING id",
                table, today.minusYears(1));
        session(c, table, comuna, today.minusDays(35), "HELD");
        session(c, table, comuna, today.minusDays(7), "PLANNED");
        session(c, table, comuna, today.plusDays(21), "PLANNED");
    }

    private static void session(Connection c, long table, long comuna, LocalDate day, String state) throws SQLException {
        ZonedDateTime starts = day.atTime(LocalTime.of(9, 30)).atZone(ZONE);
        insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place, ical_uid, created_by, state)"
                        + " VALUES (?, ?, ?, ?, 'Sala municipal', ?, 'fixture', ?) RETURNING id",
                table, comuna, starts.toOffsetDateTime(), starts.plusHours(3).toOffsetDateTime(),
                "diaria-" + System.nanoTime() + "@redlocal", state);
    }
}
