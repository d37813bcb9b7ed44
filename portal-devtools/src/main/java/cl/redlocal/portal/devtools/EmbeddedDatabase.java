package cl.redlocal.portal.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the Maven registry's binaries, for ./run.sh and for the test suites.
 * The portal never knows it is embedded: it only receives a JDBC URL.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "portal";
    /** Owns the schema and runs the migrations. */
    public static final String OWNER = "postgres";
    /** What the portal connects as at run time: reads and writes rows, may not alter the audit trail. */
    public static final String APP_USER = "portal_app";
    public static final String APP_PASSWORD = "portal_app";

    private final Path dataDirectory;
    private final int requestedPort;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    /**
     * @param durable true for data people keep (./run.sh): fsync and synchronous commits on, which the
     *                embedded server turns off by default for speed; false for throw-away test databases
     */
    public EmbeddedDatabase(Path dataDirectory, int port, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.requestedPort = port;
        this.durable = durable;
    }

    /** Starts the server (initialising the data directory on first use) and creates the portal database if missing. */
    public EmbeddedDatabase start() throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                // statements per query shape, for the statement budget of the pages (StatementBudgetIT) and
                // for finding slow queries by hand; utility commands (BEGIN, COMMIT, SET) are not statements
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "off")
                .setLocaleConfig("encoding", "UTF8");
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (requestedPort > 0) {
            builder.setPort(requestedPort);
        }
        postgres = builder.start();
        createDatabaseIfMissing();
        return this;
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the portal database", e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_USER + "') THEN"
                    + " CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IOException("Could not create the application role", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** A connection as the owner (a superuser, no password) to the portal database: for backups. */
    public Connection ownerConnection() throws SQLException {
        return postgres.getDatabase(OWNER, DATABASE).getConnection();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean isRunning() {
        return postgres != null;
    }

    /** Stops the server cleanly (fast shutdown); the data directory stays for the next start. */
    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
