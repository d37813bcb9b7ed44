package cl.redlocal.portal.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What ./run.sh starts: a PostgreSQL (embedded unless PORTAL_DB_URL names one) and Payara Micro
 * running the portal's WAR. Ctrl-C or SIGTERM stops both, Payara first, so no connection is cut mid-write.
 *
 * <p>Arguments: the Payara Micro jar, the WAR and, optionally, a file of asadmin commands that Payara Micro
 * runs before it boots (the server settings the portal needs, shared with the integration tests).
 * Settings come from the environment (see README).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: Launcher <payara-micro.jar> <portal-web.war> [<preboot-commands>]");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        String port = env.getOrDefault("PORTAL_PORT", "8080");
        Path dataDir = Path.of(env.getOrDefault("PORTAL_DATA_DIR", "var")).toAbsolutePath();
        Files.createDirectories(dataDir);

        EmbeddedDatabase embedded = null;
        String dbUrl = env.get("PORTAL_DB_URL");
        String dbUser = env.get("PORTAL_DB_USER");
        String dbPassword = env.getOrDefault("PORTAL_DB_PASSWORD", "");
        if (dbUrl == null || dbUrl.isBlank()) {
            int pgPort = Integer.parseInt(env.getOrDefault("PORTAL_PG_PORT", "0"));
            log("starting the embedded PostgreSQL in " + dataDir.resolve("pgdata"));
            embedded = new EmbeddedDatabase(dataDir.resolve("pgdata"), pgPort, true).start();
            dbUrl = embedded.jdbcUrl();
            dbUser = EmbeddedDatabase.APP_USER;
            dbPassword = EmbeddedDatabase.APP_PASSWORD;
            log("PostgreSQL ready at " + dbUrl);
        }

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + env.getOrDefault("PORTAL_HEAP", "1g"));
        // the portal's people speak Spanish: server-side messages and logs default to es-CL
        command.add("-Duser.language=es");
        command.add("-Duser.country=CL");
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolve("tmp")));
        command.addAll(List.of("-jar", args[0], "--deploy", args[1], "--contextroot", "/",
                "--port", port, "--nocluster"));
        if (args.length == 3) {
            command.addAll(List.of("--prebootcommandfile", Path.of(args[2]).toAbsolutePath().toString()));
        }

        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        // Handed over in the environment, not on the command line, so the password never shows in `ps`.
        pb.environment().put("PORTAL_DB_URL", dbUrl);
        pb.environment().put("PORTAL_DB_USER", dbUser == null ? "" : dbUser);
        pb.environment().put("PORTAL_DB_PASSWORD", dbPassword);
        if (embedded != null) {
            // migrations run as the owner; the portal itself as a role that cannot rewrite the audit trail
            pb.environment().put("PORTAL_DB_MIGRATION_USER", EmbeddedDatabase.OWNER);
            pb.environment().put("PORTAL_DB_MIGRATION_PASSWORD", "");
        }
        // ./run.sh is for trying the portal: the demo comuna unless PORTAL_DEMO=false (the archive's default is off)
        pb.environment().put("PORTAL_DEMO_ENABLED", env.getOrDefault("PORTAL_DEMO", "true"));
        // links in mails point at this portal unless another public address is given
        pb.environment().putIfAbsent("PORTAL_PUBLIC_URL", "http://localhost:" + port);
        log("starting Payara Micro on http://localhost:" + port + "/");
        Process micro = pb.start();

        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(micro, database), "portal-shutdown"));
        int exit = micro.waitFor();
        // Micro ended by itself (a failed start, say): stop PostgreSQL and pass the exit code on.
        stop(micro, database);
        Runtime.getRuntime().halt(exit);
    }

    private static synchronized void stop(Process micro, EmbeddedDatabase database) {
        if (micro.isAlive()) {
            log("stopping Payara Micro");
            micro.destroy();
            try {
                if (!micro.waitFor(30, TimeUnit.SECONDS)) {
                    micro.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null && database.isRunning()) {
            log("stopping PostgreSQL");
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("[run] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static void log(String message) {
        System.out.println("[run] " + message);
    }
}
