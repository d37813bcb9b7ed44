package cl.redlocal.portal.devtools;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backups of ./run.sh's embedded PostgreSQL, on a real PostgreSQL 17 with the portal's real schema:
 * backup, lose the data directory, restore, and every table has the same rows as at the backup.
 */
class DatabaseBackupsIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dataDir;

    @Test
    void aRestoredBackupHasEveryRowOfEveryTableAsItWasWhenTheBackupWasTaken() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        Path backup;
        Map<String, String> atBackup;
        try (EmbeddedDatabase db = new EmbeddedDatabase(pgdata, 0, true).start()) {
            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, "")
                    .locations("classpath:db/migration").placeholders(Map.of("app_role", EmbeddedDatabase.APP_USER))
                    .load().migrate();
            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO comuna (code, name, region) SELECT 'C' || i, 'Comuna ' || i || ' ñandú', 'Región ' || (i % 16)"
                        + " FROM generate_series(1, 3000) i");
                s.execute("INSERT INTO audit_event (username, action, outcome, detail, comuna_id)"
                        + " SELECT 'user' || i, 'LOGIN', 'SUCCESS', repeat('x', i % 300), i % 3000 FROM generate_series(1, 20000) i");
            }
            atBackup = snapshot(db);
            assertThat(atBackup).containsEntry("comuna rows", "3000").containsEntry("audit_event rows", "20000");

            backup = new DatabaseBackups(db, dataDir.resolve("backups"), 7).backupIfMissing(DAY).orElseThrow();

            // what happens after the backup is not in it
            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE comuna SET name = name || ' (después)' WHERE id % 2 = 0");
                s.execute("INSERT INTO audit_event (action, outcome) VALUES ('AFTER', 'SUCCESS')");
            }
            assertThat(snapshot(db)).isNotEqualTo(atBackup);
        }
        assertThat(backup).hasFileName("redlocal-2026-12-07.zip");
        assertThat(Files.list(backup.getParent())).containsExactly(backup); // no .part left behind

        DatabaseBackups.deleteRecursively(pgdata); // the disk is lost
        assertThat(DatabaseBackups.restore(backup, dataDir)).isEmpty();

        try (EmbeddedDatabase restored = new EmbeddedDatabase(pgdata, 0, true).start()) {
            assertThat(snapshot(restored)).isEqualTo(atBackup);
            // the portal's runtime role came back with its rights: it reads, and still may not rewrite the audit trail
            try (Connection app = DriverManager.getConnection(restored.jdbcUrl(), EmbeddedDatabase.APP_USER, EmbeddedDatabase.APP_PASSWORD);
                 Statement s = app.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM comuna")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(3000);
                }
                assertThatThrownBy(() -> s.execute("DELETE FROM audit_event")).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void writesDuringTheBackupLeaveAConsistentCopyAndTheReplacedDataAreKeptAside() throws Exception {
        Path pgdata = dataDir.resolve("pgdata");
        Path backup = DatabaseBackups.fileFor(dataDir.resolve("backups"), DAY);
        long committedBefore;
        long committedAfter;
        try (EmbeddedDatabase db = new EmbeddedDatabase(pgdata, 0, true).start()) {
            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE journal (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
            }
            AtomicLong committed = new AtomicLong();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                    while (writing.get()) { // one row per transaction, ids without gaps
                        long id = committed.get() + 1;
                        s.execute("INSERT INTO journal VALUES (" + id + ", repeat(md5('" + id + "'), 40))");
                        committed.set(id);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            while (committed.get() < 2000) {
                Thread.sleep(20);
            }
            committedBefore = committed.get();
            new DatabaseBackups(db, backup.getParent(), 7).backup(backup);
            committedAfter = committed.get();
            writing.set(false);
            writer.join();
        }

        Optional<Path> aside = DatabaseBackups.restore(backup, dataDir);

        assertThat(aside).isPresent();
        assertThat(aside.get().getFileName().toString()).startsWith("pgdata.before-restore-");
        assertThat(aside.get().resolve("PG_VERSION")).exists();
        try (EmbeddedDatabase restored = new EmbeddedDatabase(pgdata, 0, true).start();
             Connection c = restored.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(id), 0),"
                     + " bool_and(payload = repeat(md5(id::text), 40)) FROM journal")) {
            rs.next();
            long rows = rs.getLong(1);
            // every transaction committed before the backup began, none torn, no hole: a consistent moment
            // (+1: the writer's transaction in flight when the backup ended may have committed without it knowing yet)
            assertThat(rows).isBetween(committedBefore, committedAfter + 1).isEqualTo(rs.getLong(2));
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    @Test
    void aRestoreIsRefusedWhileAPortalRunsOnTheDataDirectory() throws Exception {
        Path backup = Files.writeString(dataDir.resolve("redlocal-2026-12-07.zip"), "whatever");
        try (DataDirectoryLock running = DataDirectoryLock.tryAcquire(dataDir).orElseThrow()) {
            assertThatThrownBy(() -> DatabaseBackups.restore(backup, dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a portal is running on " + dataDir);
        }
        assertThat(dataDir.resolve("pgdata.restoring")).doesNotExist();
    }

    @Test
    void aRestoreIsRefusedWhileAPostgresqlStartedOtherwiseRunsOnTheData() throws Exception {
        Path backup = Files.writeString(dataDir.resolve("redlocal-2026-12-07.zip"), "whatever");
        Path pgdata = Files.createDirectories(dataDir.resolve("pgdata"));
        // postmaster.pid names a live process (this JVM): as if a server ran there
        Files.writeString(pgdata.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pgdata + "\n");
        assertThatThrownBy(() -> DatabaseBackups.restore(backup, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is running on " + pgdata);
        // a stale file left by a crash does not block a restore
        Files.writeString(pgdata.resolve("postmaster.pid"), "2147483646\n");
        assertThat(DatabaseBackups.runningPostmaster(pgdata)).isEmpty();
    }

    /** Row count and an md5 of all rows of every table of the portal database. */
    private static Map<String, String> snapshot(EmbeddedDatabase db) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("comuna", "audit_event", "flyway_schema_history", "app_user");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                        + " FROM \"" + table + "\" t")) {
                    rs.next();
                    result.put(table + " rows", rs.getString(1));
                    result.put(table + " md5", rs.getString(2));
                }
            }
        }
        return result;
    }
}
