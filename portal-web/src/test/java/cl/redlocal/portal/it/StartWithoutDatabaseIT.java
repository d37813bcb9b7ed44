package cl.redlocal.portal.it;

import cl.redlocal.portal.devtools.DataDirectoryLock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node that cannot reach its database says why and exits instead of staying up as a dead node.
 * Runs ./run.sh's launcher (the real Launcher, Payara Micro and the WAR this build produced) against a
 * port where no PostgreSQL listens, with a 5-second start-up wait. No Arquillian: the launcher is
 * watched from outside, as an operator would see it.
 */
class StartWithoutDatabaseIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PASSWORD = "never-in-the-log";

    @Test
    void theLauncherRetriesVisiblyThenStopsMicroAndExitsWithTheReason() throws Exception {
        int deadPort = freePort(); // nothing listens there once the probe socket is closed
        int httpPort = freePort();
        Path dataDir = Path.of(System.getProperty("portal.test.tmp", "target"), "start-without-database");
        Path output = Files.createDirectories(dataDir).resolve("launcher.out");
        String url = "jdbc:postgresql://127.0.0.1:" + deadPort + "/portal";

        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "cl.redlocal.portal.devtools.Launcher",
                System.getProperty("payara.microJar"), System.getProperty("portal.test.war")))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("PORTAL_DB_URL", url);
        pb.environment().put("PORTAL_DB_USER", "portal");
        pb.environment().put("PORTAL_DB_PASSWORD", PASSWORD);
        pb.environment().put("PORTAL_DB_STARTUP_WAIT_SECONDS", String.valueOf(WAIT.toSeconds()));
        pb.environment().put("PORTAL_PORT", String.valueOf(httpPort));
        pb.environment().put("PORTAL_DATA_DIR", dataDir.toString());
        pb.environment().put("PORTAL_HEAP", "512m");
        pb.environment().put("PORTAL_DEMO", "false");

        long start = System.nanoTime();
        Process launcher = pb.start();
        // while it runs, the launcher owns its data directory: a restore (or a second ./run.sh) there is refused
        while (launcher.isAlive() && !Files.readString(output).contains("[run] starting Payara Micro")) {
            Thread.sleep(100);
        }
        assertThat(DataDirectoryLock.tryAcquire(dataDir)).isEmpty();
        // Micro's own start (~25 s on the 2-core machine, more beside a build) plus the wait
        boolean ended = launcher.waitFor(120, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!ended) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(ended).as("the launcher ended by itself; it took %s; its output:%n%s", took, tail(log)).isTrue();
        assertThat(launcher.exitValue()).as(tail(log)).isEqualTo(3);
        assertThat(log)
                .contains("base de datos no disponible en " + url + ": Connection to 127.0.0.1:" + deadPort + " refused")
                .contains("; reintento 1 en 1s")
                .contains("[run] the portal did not start: el portal no pudo usar su base de datos en " + url
                        + " tras ")
                .contains("(portal.db.startup-wait-seconds=5): Connection to 127.0.0.1:" + deadPort + " refused")
                .contains("[run] stopping Payara Micro")
                .doesNotContain(PASSWORD);
        // Micro is gone with it: nobody answers on the portal's port any more
        assertThat(launcher.descendants().filter(ProcessHandle::isAlive).count()).isZero();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", httpPort), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
}
