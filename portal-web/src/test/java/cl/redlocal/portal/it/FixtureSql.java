package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What every fixture writes with plain SQL: a row whose id it needs, a value it looks up, and a user
 * with the demo password (its hash copied from the demo coordinator, so no test hashes a password).
 */
final class FixtureSql {

    private FixtureSql() {
    }

    /** Runs an INSERT ... RETURNING id (or any query of one long) and fails when it returns nothing. */
    static long insert(Connection c, String sql, Object... parameters) throws SQLException {
        Long id = id(c, sql, parameters);
        if (id == null) {
            throw new IllegalStateException("Nothing inserted: " + sql);
        }
        return id;
    }

    /** The first column of the first row as a long, or null when there is no row. */
    static Long id(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** What a fixture writes the first time; the rest of the run finds it. */
    interface Creator {
        void create(Connection c) throws SQLException;
    }

    /**
     * Creates a fixture comuna once per database: the IT classes share one database and any of them may
     * be first, so an advisory lock (per comuna code) serialises them and the comuna's existence says done.
     */
    static void once(String comunaCode, Creator creator) {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            insert(c, "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l", "fixture-" + comunaCode);
            if (id(c, "SELECT id FROM comuna WHERE code = ?", comunaCode) == null) {
                creator.create(c);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user of a comuna (and program, for a professional) who signs in with the demo password. */
    static long user(Connection c, String username, String role, long comuna, Long program) throws SQLException {
        return insert(c, "INSERT INTO app_user (username, full_name, email, role, comuna_id, program_id, password_hash)"
                        + " SELECT ?, ?, ?, ?, CAST(? AS BIGINT), CAST(? AS BIGINT), password_hash FROM app_user"
                        + " WHERE username = 'coordinador' RETURNING id",
                username, "Persona " + username, username + "@demo.cl", role, comuna, program);
    }
}
