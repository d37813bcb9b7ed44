package cl.redlocal.portal.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC to the test database, for assertions from either side (the test JVM or the container):
 * what the portal wrote, checked without going through the portal.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String url() {
        String port = System.getProperty("portal.test.db.port");
        if (port == null) { // inside Payara Micro: the portal's own setting
            return System.getProperty("portal.db.url");
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/portal";
    }

    /** As the schema owner, who sees everything. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "test");
    }

    /** As the role the portal itself runs as. */
    public static Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(url(), "portal_app", "portal_app");
    }

    public static long count(String sql, Object... parameters) {
        List<Object> row = first(sql, parameters);
        return row == null ? 0 : ((Number) row.get(0)).longValue();
    }

    public static Object value(String sql, Object... parameters) {
        List<Object> row = first(sql, parameters);
        return row == null ? null : row.get(0);
    }

    /** The first column of every row. */
    public static List<Object> values(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> first(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
