package cl.redlocal.portal.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What ./run.sh starts: a PostgreSQL (embedded unless PORTAL_DB_URL names one) and Payara Micro
 * running the portal's WAR. Ctrl-C or SIGTERM stops both, Payara first, so no connection is cut mid-write.
 *
 * <p>Arguments: the Payara Micro jar and the WAR. Settings come from the environment (see README).
 * {@code PORTAL_NODES=2} starts a cluster behind HAProxy instead of one node ({@link LocalCluster}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher <payara-micro.jar> <portal-web.war>");
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

        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(nodeEnv);
        log("starting Payara Micro on http://localhost:" + port + "/");
        Process micro = pb.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(micro, database), "portal-shutdown"));
        int exit = micro.waitFor();
        // Micro ended by itself (a failed start, say): stop PostgreSQL and pass the exit code on.
        stop(micro, database);
        Runtime.getRuntime().halt(exit);
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
