package cl.redlocal.portal.devtools;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts one real PostgreSQL for a whole test run, before any test class (and so before Arquillian
 * starts Payara Micro), on the port the build reserved in {@code portal.test.db.port}.
 * A module registers it through META-INF/services in its own test resources.
 */
public class TestDatabaseListener implements LauncherSessionListener {

    private static EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("portal.test.db.port");
        if (port == null || database != null) {
            return; // plain unit-test runs need no database
        }
        Path dir = Path.of(System.getProperty("portal.test.db.dir", "target/pgdata"));
        try {
            deleteRecursively(dir); // every run starts from an empty database, built by the migrations
            database = new EmbeddedDatabase(dir, Integer.parseInt(port), false).start();
            // a test JVM stopped from outside must not leave its PostgreSQL running
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseListener::stopQuietly, "test-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stopQuietly();
    }

    private static synchronized void stopQuietly() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (IOException e) {
            System.err.println("The test PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            database = null;
        }
    }

    /** The database of this run, for tests that must stop and start it (health DOWN). */
    public static EmbeddedDatabase database() {
        return database;
    }

    /** Starts the same database again on the same port and data after a test stopped it. */
    public static synchronized void restart() throws IOException {
        Path dir = Path.of(System.getProperty("portal.test.db.dir", "target/pgdata"));
        int port = Integer.parseInt(System.getProperty("portal.test.db.port"));
        if (database != null) {
            database.close();
        }
        database = new EmbeddedDatabase(dir, port, false).start();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
