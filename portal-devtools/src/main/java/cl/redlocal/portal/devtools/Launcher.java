package cl.redlocal.portal.devtools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What ./run.sh starts: a PostgreSQL (embedded unless PORTAL_DB_URL names one) and Payara Micro
 * running the portal's WAR. Ctrl-C or SIGTERM stops both, Payara first, so no connection is cut mid-write.
 * A portal that fails to deploy (its database unreachable past {@code portal.db.startup-wait-seconds},
 * say) does not leave a dead node behind: the launcher prints the portal's reason, stops Micro and
 * PostgreSQL and exits with {@value #EXIT_NOT_DEPLOYED}; an embedded PostgreSQL that cannot start
 * ends it with {@value #EXIT_NO_DATABASE}.
 *
 * <p>Arguments: the Payara Micro jar, the WAR and, optionally, a file of asadmin commands that Payara Micro
 * runs before it boots (the server settings the portal needs, shared with the integration tests).
 * Settings come from the environment (see README). {@code PORTAL_NODES=2} starts a cluster behind HAProxy
 * instead of one node ({@link LocalCluster}).
 */
public final class Launcher {

    private Launcher() {
    }

    /** Exit codes besides Micro's own: the portal did not deploy; the embedded PostgreSQL did not start. */
    static final int EXIT_NOT_DEPLOYED = 3;
    static final int EXIT_NO_DATABASE = 4;

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: Launcher <payara-micro.jar> <portal-web.war> [<preboot-commands>]");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        String port = env.getOrDefault("PORTAL_PORT", "8080");
        Path dataDir = Path.of(env.getOrDefault("PORTAL_DATA_DIR", "var")).toAbsolutePath();
        Files.createDirectories(dataDir);
        // held until this JVM ends: a second ./run.sh or a restore on the same data directory is refused.
        // Kept in a static field: an unreachable lock's channel is closed by its cleaner, releasing the lock.
        dataDirectoryLock = DataDirectoryLock.tryAcquire(dataDir).orElse(null);
        if (dataDirectoryLock == null) {
            System.err.println("[run] another portal is running on " + dataDir + " (or a restore): stop it first");
            System.exit(1);
        }

        EmbeddedDatabase embedded = null;
        String dbUrl = env.get("PORTAL_DB_URL");
        String dbUser = env.get("PORTAL_DB_USER");
        String dbPassword = env.getOrDefault("PORTAL_DB_PASSWORD", "");
        if (dbUrl == null || dbUrl.isBlank()) {
            int pgPort = Integer.parseInt(env.getOrDefault("PORTAL_PG_PORT", "0"));
            log("starting the embedded PostgreSQL in " + dataDir.resolve("pgdata"));
            try {
                embedded = new EmbeddedDatabase(dataDir.resolve("pgdata"), pgPort, true).start();
            } catch (IOException | RuntimeException e) {
                // a port in use, a full disk, a data directory of another PostgreSQL version...: say so and stop
                System.err.println("[run] the embedded PostgreSQL could not start in " + dataDir.resolve("pgdata")
                        + ": " + rootMessage(e));
                System.exit(EXIT_NO_DATABASE);
            }
            dbUrl = embedded.jdbcUrl();
            dbUser = EmbeddedDatabase.APP_USER;
            dbPassword = EmbeddedDatabase.APP_PASSWORD;
            log("PostgreSQL ready at " + dbUrl);
            int keep = Integer.parseInt(env.getOrDefault("PORTAL_BACKUP_KEEP", "7"));
            if (keep > 0) {
                Path backupDir = Path.of(env.getOrDefault("PORTAL_BACKUP_DIR", dataDir.resolve("backups").toString()))
                        .toAbsolutePath();
                DatabaseBackups backups = new DatabaseBackups(embedded, backupDir, keep);
                // today's first, before the portal starts: a new version's migrations run after it
                backUpIfMissing(backups);
                backupSchedule = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "daily-backup");
                    t.setDaemon(true);
                    return t;
                });
                // hourly: a new day's backup is taken within the hour after midnight, also after a suspend
                backupSchedule.scheduleWithFixedDelay(() -> backUpIfMissing(backups), 1, 1, TimeUnit.HOURS);
            } else {
                log("backups off (PORTAL_BACKUP_KEEP=0)");
            }
        }

        Map<String, String> nodeEnv = new LinkedHashMap<>();
        // Handed over in the environment, not on the command line, so the password never shows in `ps`.
        nodeEnv.put("PORTAL_DB_URL", dbUrl);
        nodeEnv.put("PORTAL_DB_USER", dbUser == null ? "" : dbUser);
        nodeEnv.put("PORTAL_DB_PASSWORD", dbPassword);
        if (embedded != null) {
            // migrations run as the owner; the portal itself as a role that cannot rewrite the audit trail
            nodeEnv.put("PORTAL_DB_MIGRATION_USER", EmbeddedDatabase.OWNER);
            nodeEnv.put("PORTAL_DB_MIGRATION_PASSWORD", "");
        }
        // ./run.sh is for trying the portal: the demo comuna unless PORTAL_DEMO=false (the archive's default is off)
        nodeEnv.put("PORTAL_DEMO_ENABLED", env.getOrDefault("PORTAL_DEMO", "true"));
        // links in mails point at this portal unless another public address is given
        nodeEnv.put("PORTAL_PUBLIC_URL", env.getOrDefault("PORTAL_PUBLIC_URL", "http://localhost:" + port));

        int nodes = Integer.parseInt(env.getOrDefault("PORTAL_NODES", "1"));
        EmbeddedDatabase database = embedded;
        if (nodes > 1) {
            runCluster(args, env, port, dataDir, nodes, nodeEnv, database);
            return;
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

        // Micro's output passes through the launcher, which reads it for "ready" and for the portal's reason to fail
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectErrorStream(true);
        pb.environment().putAll(nodeEnv);
        log("starting Payara Micro on http://localhost:" + port + "/");
        Process micro = pb.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(micro, database), "portal-shutdown"));
        DeploymentWatch watch = new DeploymentWatch();
        Thread output = new Thread(() -> relay(micro, watch), "micro-output");
        output.setDaemon(true);
        output.start();

        while (micro.isAlive() && !watch.awaitReady(1, TimeUnit.SECONDS)) {
            // Micro is starting; the portal may be waiting for its database (portal.db.startup-wait-seconds)
        }
        if (watch.isReady() && micro.isAlive()) {
            if (portalDeployed(port)) {
                log("the portal is up at http://localhost:" + port + "/");
            } else {
                // Micro would stay up serving 404s: a dead node. Say why and end, so whoever started it knows.
                System.err.println("[run] the portal did not start: " + watch.reason()
                        .orElse("its deployment failed (see Payara Micro's log above)"));
                stop(micro, database);
                Runtime.getRuntime().halt(EXIT_NOT_DEPLOYED);
            }
        }
        int exit = micro.waitFor();
        output.join(2000);
        // Micro ended by itself (a failed start, say): stop PostgreSQL and pass the exit code on.
        stop(micro, database);
        Runtime.getRuntime().halt(exit);
    }

    /** Copies Micro's output to ours, line by line, and lets the watch read it. */
    private static void relay(Process micro, DeploymentWatch watch) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(micro.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println(line);
                watch.accept(line);
            }
        } catch (IOException e) {
            // Micro is gone; its exit code tells the rest
        }
    }

    /**
     * Whether the portal deployed, asked once Micro says it is ready. Micro's health endpoint answers
     * "No Application deployed" when the deployment failed; with the portal deployed it carries the
     * portal's own checks (UP, or DOWN if the database went away meanwhile: a live node all the same).
     */
    static boolean portalDeployed(String port) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return !response.body().contains("No Application deployed");
        } catch (IOException e) {
            log("could not ask http://127.0.0.1:" + port + "/health/ready whether the portal deployed: " + e);
            return true; // no proof of a failure: leave Micro running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }

    private static DataDirectoryLock dataDirectoryLock;
    private static ScheduledExecutorService backupSchedule;

    /** Takes today's backup unless it exists. A failed backup is said loudly but does not stop the portal. */
    static void backUpIfMissing(DatabaseBackups backups) {
        long start = System.nanoTime();
        try {
            backups.backupIfMissing(LocalDate.now()).ifPresent(file -> {
                long ms = (System.nanoTime() - start) / 1_000_000;
                long kb;
                try {
                    kb = Files.size(file) / 1024;
                } catch (IOException e) {
                    kb = -1;
                }
                log("backup written: " + file + " (" + kb + " KB in " + ms + " ms)");
            });
        } catch (Exception e) {
            System.err.println("[run] BACKUP FAILED: " + rootMessage(e));
        }
    }

    /**
     * PORTAL_NODES=N: N clustered Payara Micro nodes on free ports behind HAProxy on PORTAL_PORT. A node may
     * be killed to try a failover; the launcher ends when the balancer does, or on Ctrl-C.
     */
    private static void runCluster(String[] args, Map<String, String> env, String port, Path dataDir, int nodes,
                                   Map<String, String> nodeEnv, EmbeddedDatabase database) throws Exception {
        if (LocalCluster.haproxy() == null) {
            System.err.println("[run] PORTAL_NODES needs HAProxy in front of the nodes, and it is not installed.");
            System.err.println("[run] On Debian or Ubuntu: sudo apt-get install haproxy"
                    + " (or point PORTAL_HAPROXY at its binary)");
            stop(null, database);
            Runtime.getRuntime().halt(3);
        }
        Path workDir = Files.createDirectories(dataDir.resolve("cluster"));
        LocalCluster cluster = new LocalCluster(new LocalCluster.Settings(Path.of(args[0]), Path.of(args[1]),
                workDir, "", Integer.parseInt(port), nodes, env.getOrDefault("PORTAL_HEAP", "1g"), List.of(),
                nodeEnv, true));
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            log("stopping the balancer and the nodes");
            cluster.close();
            stop(null, database);
        }, "portal-shutdown"));
        log("starting " + nodes + " Payara Micro nodes, one data grid, HAProxy on http://localhost:" + port + "/");
        cluster.start();
        for (LocalCluster.Node node : cluster.nodes()) {
            log(node + ", pid " + node.pid() + ", log " + node.log());
        }
        cluster.awaitReady(java.time.Duration.ofMinutes(5));
        log("cluster ready at http://localhost:" + port + "/ (each response names its node in "
                + LocalCluster.NODE_HEADER + "); try kill -9 on a node's pid");
        while (cluster.balancerAlive() || stopping.get()) {
            Thread.sleep(1000);
        }
        log("the balancer ended by itself; stopping");
        System.exit(1);
    }

    private static synchronized void stop(Process micro, EmbeddedDatabase database) {
        if (micro != null && micro.isAlive()) {
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
        if (backupSchedule != null) {
            backupSchedule.shutdownNow();
            try {
                // a backup under way ends (or is abandoned, leaving only its .part) before PostgreSQL stops
                backupSchedule.awaitTermination(30, TimeUnit.SECONDS);
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
