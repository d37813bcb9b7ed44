package cl.redlocal.portal.devtools;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Who owns a data directory ({@code $PORTAL_DATA_DIR}): the launcher holds this lock for as long as it
 * runs, from before PostgreSQL starts until after it stopped, and a restore takes it too, so a restore
 * never replaces the files under a running portal. The operating system releases it when the process
 * dies, so a crash leaves no stale lock.
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty while another process (or this one) holds it. */
    public static Optional<DataDirectoryLock> tryAcquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new DataDirectoryLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldHere) {
            // this JVM holds it already
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
