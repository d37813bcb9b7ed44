package cl.redlocal.portal.devtools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which backup files exist and which go; no database needed (today's backup exists already). */
class DatabaseBackupsTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheNewestByTheDayInTheirNameNotByAge() throws Exception {
        for (String day : new String[]{"2026-11-02", "2026-12-07", "2026-10-30", "2026-12-01"}) {
            Files.writeString(dir.resolve("redlocal-" + day + ".zip"), day);
        }
        Files.writeString(dir.resolve("redlocal-2026-12-08.zip.part"), "unfinished");
        Files.writeString(dir.resolve("notes.txt"), "mine");

        // today's backup is there: nothing is taken (no database is even asked), the oldest beyond 2 go
        assertThat(new DatabaseBackups(null, dir, 2).backupIfMissing(LocalDate.of(2026, 12, 7))).isEmpty();

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "redlocal-2026-12-07.zip", "redlocal-2026-12-01.zip", "redlocal-2026-12-08.zip.part", "notes.txt");
        }
    }

    @Test
    void aPortalOffForAMonthStillHasItsLastBackups() {
        var newestFirst = java.util.List.of(dir.resolve("redlocal-2026-10-03.zip"), dir.resolve("redlocal-2026-10-02.zip"));
        assertThat(DatabaseBackups.beyondRetention(newestFirst, 7)).isEmpty();
        assertThat(DatabaseBackups.beyondRetention(newestFirst, 1)).containsExactly(dir.resolve("redlocal-2026-10-02.zip"));
    }

    @Test
    void theDataDirectoryHasOneOwnerAtATime() throws Exception {
        try (DataDirectoryLock first = DataDirectoryLock.tryAcquire(dir).orElseThrow()) {
            assertThat(DataDirectoryLock.tryAcquire(dir)).isEmpty();
        }
        try (DataDirectoryLock again = DataDirectoryLock.tryAcquire(dir).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }
}
