package cl.redlocal.portal.bench.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the portal's database with the benchmark's comuna (generate-comuna.sql), once: a database that
 * already has comuna 98101 is left as it is. Connects as the schema owner given by -Dbench.db.url,
 * -Dbench.db.user, -Dbench.db.password.
 */
public final class GenerateComuna {

    private GenerateComuna() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        String url = System.getProperty("bench.db.url");
        try (Connection c = DriverManager.getConnection(url, System.getProperty("bench.db.user", "postgres"),
                System.getProperty("bench.db.password", ""))) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM comuna WHERE code = '98101'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    System.out.println("[bench] comuna 98101 is already there");
                    return;
                }
            }
            String script;
            try (InputStream in = GenerateComuna.class.getResourceAsStream("/generate-comuna.sql")) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long started = System.nanoTime();
            c.setAutoCommit(false);
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (statement.isBlank()) {
                    continue;
                }
                long t = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute(statement);
                    System.out.printf("[bench] %6.1f s  %s%n", (System.nanoTime() - t) / 1e9,
                            statement.strip().lines().findFirst().orElse(""));
                }
            }
            c.commit();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT"
                    + " (SELECT count(*) FROM case_file f JOIN comuna co ON co.id = f.comuna_id AND co.code = '98101'),"
                    + " (SELECT count(*) FROM referral f JOIN comuna co ON co.id = f.comuna_id AND co.code = '98101'),"
                    + " (SELECT count(*) FROM waiting_entry f JOIN comuna co ON co.id = f.comuna_id AND co.code = '98101'),"
                    + " (SELECT count(*) FROM vulnerability_alert f JOIN comuna co ON co.id = f.comuna_id AND co.code = '98101'),"
                    + " (SELECT count(*) FROM audit_event), (SELECT count(*) FROM app_user WHERE username LIKE 'bench.%')")) {
                rs.next();
                System.out.printf("[bench] generated in %.0f s: %,d cases, %,d referrals, %,d waiting entries, %,d alerts,"
                                + " %,d audit rows, %d users%n", (System.nanoTime() - started) / 1e9, rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
        }
    }
}
