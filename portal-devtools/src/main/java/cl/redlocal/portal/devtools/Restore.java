package cl.redlocal.portal.devtools;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./run.sh restore var/backups/redlocal-YYYY-MM-DD.zip}: puts a backup in place of the embedded
 * database of {@code $PORTAL_DATA_DIR} (default {@code ./var}). Refused while a portal runs there; the
 * replaced data are kept aside, never deleted. Start the portal again afterwards with {@code ./run.sh}.
 */
public final class Restore {

    private Restore() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ./run.sh restore <backup file, e.g. var/backups/redlocal-2026-12-07.zip>");
            System.exit(2);
        }
        Path backup = Path.of(args[0]).toAbsolutePath();
        Path dataDir = Path.of(System.getenv().getOrDefault("PORTAL_DATA_DIR", "var")).toAbsolutePath();
        System.out.println("[restore] restoring " + backup + " into " + dataDir.resolve("pgdata"));
        try {
            Optional<Path> previous = DatabaseBackups.restore(backup, dataDir);
            System.out.println("[restore] done: the database is as it was when the backup was taken");
            previous.ifPresent(p -> System.out.println("[restore] the data it replaced are in " + p
                    + "; delete that directory once the restored portal is confirmed"));
            System.out.println("[restore] start the portal with ./run.sh");
        } catch (Exception e) {
            System.err.println("[restore] FAILED: " + Launcher.rootMessage(e));
            System.exit(1);
        }
    }
}
