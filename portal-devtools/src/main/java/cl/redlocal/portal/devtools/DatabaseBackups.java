package cl.redlocal.portal.devtools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Daily backups of the embedded PostgreSQL that ./run.sh runs, and their restore.
 *
 * <p><b>What a backup is.</b> An online base backup of the whole server, taken with PostgreSQL's own
 * low-level API while the portal keeps working: {@code pg_backup_start}, a copy of the data directory,
 * {@code pg_backup_stop}, and the write-ahead log written meanwhile (a temporary replication slot keeps
 * it from being recycled during the copy), all in one zip: what {@code pg_basebackup -X fetch} produces.
 * The files are those of the very PostgreSQL 17 binaries that run the server, so version mismatches
 * cannot happen, and a restore is PostgreSQL's ordinary recovery: unpack, start, replay the WAL to the
 * end of the backup. Why not {@code pg_dump}: the embedded binaries (zonky) ship only initdb, pg_ctl and
 * postgres; the system's pg_dump is PostgreSQL 15 and refuses a 17 server; and no artifact of the Maven
 * registry carries the PostgreSQL 17 client programs. A base backup needs none of them.
 *
 * <p>Files are {@code redlocal-YYYY-MM-DD.zip}: one per day, the newest {@code keep} kept. A backup is
 * written to {@code .part} and renamed when complete, so a file with the final name is always whole.
 */
public final class DatabaseBackups {

    static final String PREFIX = "redlocal-";
    static final String SUFFIX = ".zip";
    private static final Pattern NAME = Pattern.compile("redlocal-(\\d{4}-\\d{2}-\\d{2})\\.zip");
    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

    /** Directories whose contents a base backup leaves out (as pg_basebackup does); they are recreated empty. */
    private static final Set<String> EMPTY_DIRECTORIES = Set.of("pg_wal", "pg_stat_tmp", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    /** Files that belong to the running server, not to its data (epg-lock is the embedded library's own lock). */
    private static final Set<String> LEFT_OUT_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "current_logfiles", "pg_internal.init", "epg-lock");

    private final EmbeddedDatabase database;
    private final Path directory;
    private final int keep;

    /**
     * @param directory where the backups go (created when missing)
     * @param keep      how many daily backups to keep, the newest ones
     */
    public DatabaseBackups(EmbeddedDatabase database, Path directory, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        this.database = database;
        this.directory = directory;
        this.keep = keep;
    }

    public static Path fileFor(Path directory, LocalDate day) {
        return directory.resolve(PREFIX + day + SUFFIX);
    }

    /** Takes the day's backup unless it exists, then removes the oldest beyond {@code keep}. */
    public Optional<Path> backupIfMissing(LocalDate day) throws IOException, SQLException {
        Path target = fileFor(directory, day);
        Optional<Path> written = Optional.empty();
        if (!Files.exists(target)) {
            backup(target);
            written = Optional.of(target);
        }
        for (Path old : beyondRetention(list(directory), keep)) {
            Files.deleteIfExists(old);
        }
        return written;
    }

    /** The backups in a directory, newest first (by the day in their name). */
    static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
    }

    /**
     * Which backups go: all but the {@code keep} newest. By count, not by age, so a portal that was
     * off for a month still has its last backups when it starts again.
     */
    static List<Path> beyondRetention(List<Path> newestFirst, int keep) {
        return newestFirst.size() <= keep ? List.of() : newestFirst.subList(keep, newestFirst.size());
    }

    /** Writes a base backup of the running server to {@code target}. */
    public void backup(Path target) throws IOException, SQLException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path pgdata = database.dataDirectory();
        try (Connection c = database.ownerConnection(); Statement s = c.createStatement()) {
            // keeps every WAL segment from now on until this session ends, so none is recycled during the copy
            s.execute("SELECT pg_create_physical_replication_slot('redlocal_backup_' || pg_backend_pid(), true, true)");
            try (OutputStream file = Files.newOutputStream(part);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                zip.setLevel(Deflater.BEST_SPEED);
                try (PreparedStatement start = c.prepareStatement("SELECT pg_backup_start(?, true)")) {
                    start.setString(1, "Red Local " + target.getFileName());
                    start.execute();
                }
                copyDataDirectory(pgdata, zip);
                String label;
                String spcmap;
                String stopSegment;
                try (ResultSet rs = s.executeQuery(
                        "SELECT b.labelfile, b.spcmapfile, pg_walfile_name(b.lsn) FROM pg_backup_stop(false) b")) {
                    rs.next();
                    label = rs.getString(1);
                    spcmap = rs.getString(2);
                    stopSegment = rs.getString(3);
                }
                put(zip, "backup_label", label);
                if (spcmap != null && !spcmap.isEmpty()) {
                    put(zip, "tablespace_map", spcmap);
                }
                Matcher m = START_WAL.matcher(label);
                if (!m.find()) {
                    throw new IOException("unexpected backup_label: " + label);
                }
                copyWal(pgdata.resolve("pg_wal"), m.group(1), stopSegment, zip);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void copyDataDirectory(Path pgdata, ZipOutputStream zip) throws IOException {
        Files.walkFileTree(pgdata, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(pgdata)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = entryName(pgdata, dir);
                if (dir.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                zip.putNextEntry(new ZipEntry(name + "/"));
                zip.closeEntry();
                if (name.equals("pg_wal")) {
                    zip.putNextEntry(new ZipEntry("pg_wal/archive_status/"));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("pg_wal/summaries/"));
                    zip.closeEntry();
                }
                return EMPTY_DIRECTORIES.contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String fileName = file.getFileName().toString();
                if (!attrs.isRegularFile() || LEFT_OUT_FILES.contains(fileName) || fileName.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                copy(file, entryName(pgdata, file), zip);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped by the server during the copy: the WAL says so
                }
                throw e;
            }
        });
    }

    /** The WAL segments from the backup's start to its end (the server switched to a new segment at the end). */
    private static void copyWal(Path wal, String startSegment, String stopSegment, ZipOutputStream zip) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(wal)) {
            files.forEach(f -> {
                String name = f.getFileName().toString();
                boolean segment = WAL_SEGMENT.matcher(name).matches()
                        && name.compareTo(startSegment) >= 0 && name.compareTo(stopSegment) <= 0;
                if (segment || name.endsWith(".history")) {
                    segments.add(f);
                }
            });
        }
        if (segments.stream().noneMatch(f -> f.getFileName().toString().equals(stopSegment))) {
            throw new IOException("WAL segment " + stopSegment + " missing from " + wal);
        }
        for (Path f : segments) {
            copy(f, "pg_wal/" + f.getFileName(), zip);
        }
    }

    private static void copy(Path file, String entry, ZipOutputStream zip) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException gone) {
            return;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    private static void put(ZipOutputStream zip, String entry, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String entryName(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /**
     * Restores a backup into {@code dataDir/pgdata}, refusing while a portal runs on that data directory.
     * The backup is unpacked beside the current data, started once so that PostgreSQL recovers it and
     * proves it sound (the portal database must answer), and stopped; only then does it take the place
     * of {@code pgdata}. The data it replaces are kept as {@code pgdata.before-restore-<time>}: a restore
     * never destroys anything; delete that directory once the restored portal is confirmed.
     *
     * @return where the replaced data went, if there were any
     */
    public static Optional<Path> restore(Path backup, Path dataDir) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new NoSuchFileException(backup.toString(), null, "no such backup");
        }
        Optional<DataDirectoryLock> lock = DataDirectoryLock.tryAcquire(dataDir);
        if (lock.isEmpty()) {
            throw new IllegalStateException("a portal is running on " + dataDir + ": stop it (Ctrl-C) before restoring");
        }
        try (DataDirectoryLock held = lock.get()) {
            Path pgdata = dataDir.resolve("pgdata");
            // a PostgreSQL started on these data by other means (not through ./run.sh) counts as running too
            Optional<Long> postmaster = runningPostmaster(pgdata);
            if (postmaster.isPresent()) {
                throw new IllegalStateException("a PostgreSQL (pid " + postmaster.get() + ") is running on " + pgdata
                        + ": stop it before restoring");
            }
            Path staging = dataDir.resolve("pgdata.restoring");
            deleteRecursively(staging);
            unzip(backup, staging);
            if (!Files.exists(staging.resolve("PG_VERSION")) || !Files.exists(staging.resolve("backup_label"))) {
                deleteRecursively(staging);
                throw new IOException(backup + " is not a backup of the portal's database (no PG_VERSION or backup_label)");
            }
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
            try (EmbeddedDatabase recovered = new EmbeddedDatabase(staging, 0, true).start();
                 Connection c = recovered.ownerConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rs.next(); // the recovered server answers with the portal database in it
            } catch (IOException | SQLException | RuntimeException e) {
                throw new IOException("the backup " + backup + " did not recover; " + pgdata + " is untouched (the unpacked copy is in "
                        + staging + ")", e);
            }
            Optional<Path> previous = Optional.empty();
            if (Files.exists(pgdata)) {
                Path aside = dataDir.resolve("pgdata.before-restore-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                Files.move(pgdata, aside);
                previous = Optional.of(aside);
            }
            Files.move(staging, pgdata);
            return previous;
        }
    }

    /** The pid in {@code postmaster.pid} while that process lives (a stale file after a crash does not count). */
    static Optional<Long> runningPostmaster(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    private static void unzip(Path backup, Path directory) throws IOException {
        Path into = directory.toAbsolutePath().normalize();
        Files.createDirectories(into);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the data directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
