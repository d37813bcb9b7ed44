package cl.redlocal.portal.ear;

import cl.redlocal.portal.devtools.TestDatabaseListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the assembly: the EAR this module builds deploys on Payara Server Full (which Payara Micro,
 * used by the other suites, cannot prove) against a real PostgreSQL, and serves the sign-in page.
 *
 * <p>It creates a throw-away domain under {@code target/payara-domains} on a free block of ports, hands the
 * database to the server in the environment of {@code asadmin start-domain} (the domain JVM inherits it, and
 * MicroProfile Config maps {@code PORTAL_DB_URL} to {@code portal.db.url}), deploys, requests the page, and
 * always stops and deletes the domain again. The server log is kept in {@code target/payara-server.log}, the
 * output of each asadmin command in {@code target/asadmin/}. {@code -Dportal.test.payara.portbase=N} fixes the
 * port base (admin N+48, HTTP N+80) instead of probing for a free one.
 */
class EarOnPayaraServerIT {

    private static final String DOMAIN = "portal-it";

    /** The ports create-domain derives from --portbase (admin +48, HTTP +80, and the rest), all checked free. */
    private static final int[] PORT_OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};
    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private static final Path TARGET = Path.of(required("portal.test.tmp"));
    private static final Path PAYARA_HOME = Path.of(required("portal.test.payara.home"));
    private static final Path DOMAINS = Path.of(required("portal.test.payara.domains"));
    private static final Path EAR = Path.of(required("portal.test.ear"));
    private static final Path ASADMIN_LOGS = TARGET.resolve("asadmin");
    private static final Path KEPT_SERVER_LOG = TARGET.resolve("payara-server.log");

    private static int portBase;
    private static boolean domainCreated;
    private static Thread shutdownHook;
    private static int commandCount;

    @BeforeAll
    static void deployTheEarOnANewDomain() throws Exception {
        long begin = System.nanoTime();
        assertThat(EAR).as("the EAR built by this module").isRegularFile();
        assertThat(PAYARA_HOME.resolve("glassfish/lib/client/appserver-cli.jar"))
                .as("Payara Server unpacked by the build").isRegularFile();
        assertThat(TestDatabaseListener.database())
                .as("the test PostgreSQL (TestDatabaseListener, started for portal.test.db.port)").isNotNull();
        String jdbcUrl = TestDatabaseListener.database().jdbcUrl();

        Files.createDirectories(DOMAINS);
        deleteRecursively(ASADMIN_LOGS); // one numbered log per asadmin command of this run
        Files.createDirectories(ASADMIN_LOGS);
        removeLeftoverDomain();

        portBase = Integer.getInteger("portal.test.payara.portbase", 0);
        if (portBase == 0) {
            portBase = freePortBase();
        }
        log("port base " + portBase + " (admin " + (portBase + ADMIN_OFFSET) + ", HTTP " + (portBase + HTTP_OFFSET)
                + "), database " + jdbcUrl);

        domainCreated = true; // from here on, clean up whatever exists
        step("create-domain", () -> asadminOrFail(CREATE_TIMEOUT, Map.of(), "create-domain", "--nopassword",
                "--portbase", String.valueOf(portBase), "--domaindir", DOMAINS.toString(), DOMAIN));

        // Registered before the start, so an interrupted run (Ctrl-C, fork timeout) does not leave a server behind.
        shutdownHook = new Thread(EarOnPayaraServerIT::stopAndDeleteDomain, "stop-payara-domain");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        // The domain JVM inherits the environment of start-domain; this is how the portal finds its database.
        // No demo data (the archive's default): a new installation whose first administrator comes from the environment.
        Map<String, String> database = Map.of(
                "PORTAL_DB_URL", jdbcUrl,
                "PORTAL_DB_USER", "postgres",
                "PORTAL_DB_PASSWORD", "x",
                "PORTAL_BOOTSTRAP_ADMIN_PASSWORD", "Primera-clave-2026",
                "PORTAL_BOOTSTRAP_COMUNA_CODE", "13101",
                "PORTAL_BOOTSTRAP_COMUNA_NAME", "Comuna de Prueba",
                "PORTAL_BOOTSTRAP_COMUNA_REGION", "Región de Prueba");
        step("start-domain", () -> asadminOrFail(START_TIMEOUT, database, "start-domain",
                "--domaindir", DOMAINS.toString(), DOMAIN));
        step("deploy", () -> asadminOrFail(DEPLOY_TIMEOUT, Map.of(), "--host", "localhost",
                "--port", String.valueOf(portBase + ADMIN_OFFSET), "deploy", "--name", "portal", EAR.toString()));
        log("EAR deployed " + millisSince(begin) + " ms after the start of the test");
    }

    @Test
    void signInPageIsServed() throws Exception {
        URI login = URI.create("http://localhost:" + (portBase + HTTP_OFFSET) + "/login.xhtml");
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body();

        assertThat(response.statusCode())
                .as(() -> "GET " + login + " answered " + response.statusCode() + "; body starts:\n"
                        + body.substring(0, Math.min(body.length(), 1500)) + "\n" + serverLogProblems())
                .isEqualTo(200);
        assertThat(body).as("the sign-in page").contains("Red Local").contains("id=\"login\"");
    }

    @Test
    void aNewInstallationGetsItsFirstAdministratorFromTheEnvironmentAndNoDemoData() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabaseListener.database().jdbcUrl(),
                "postgres", "x");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT u.username, u.role, u.must_change_password, u.password_hash,"
                     + " c.name, (SELECT count(*) FROM app_user) FROM app_user u JOIN comuna c ON c.id = u.comuna_id")) {
            assertThat(rs.next()).as("an administrator was created").isTrue();
            assertThat(rs.getString(1)).isEqualTo("admin");
            assertThat(rs.getString(2)).isEqualTo("ADMIN");
            assertThat(rs.getBoolean(3)).as("must choose a new password").isTrue();
            assertThat(rs.getString(4)).startsWith("PBKDF2WithHmacSHA256:600000:");
            assertThat(rs.getString(5)).isEqualTo("Comuna de Prueba");
            assertThat(rs.getLong(6)).as("nobody else: no demo users").isEqualTo(1);
        }
    }

    @AfterAll
    static void stopAndDeleteDomain() {
        synchronized (EarOnPayaraServerIT.class) {
            if (!domainCreated) {
                return;
            }
            domainCreated = false;
        }
        long begin = System.nanoTime();
        Result stop = asadmin(STOP_TIMEOUT, Map.of(), "stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        if (!stop.ok()) {
            log("stop-domain failed, killing the domain:\n" + stop.output());
            Result kill = asadmin(STOP_TIMEOUT, Map.of(), "stop-domain", "--kill=true",
                    "--domaindir", DOMAINS.toString(), DOMAIN);
            if (!kill.ok()) {
                log("stop-domain --kill=true failed too; a Payara process may be left over:\n" + kill.output());
            }
        }
        keepServerLog();
        Result delete = asadmin(STOP_TIMEOUT, Map.of(), "delete-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
        if (!delete.ok()) {
            log("delete-domain failed, removing the directory:\n" + delete.output());
            deleteRecursively(DOMAINS.resolve(DOMAIN));
        }
        log("domain stopped and deleted in " + millisSince(begin) + " ms; server log kept in " + KEPT_SERVER_LOG);
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: nothing to unregister
            }
        }
    }

    // ---- asadmin ----

    private record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) throws Exception {
        long begin = System.nanoTime();
        step.run();
        log(name + " took " + millisSince(begin) + " ms");
    }

    private static void asadminOrFail(Duration timeout, Map<String, String> env, String... args) {
        Result result = asadmin(timeout, env, args);
        if (!result.ok()) {
            throw new AssertionError("asadmin " + String.join(" ", args) + " failed (exit " + result.exitCode()
                    + "):\n" + result.output() + "\n" + serverLogProblems());
        }
    }

    /**
     * Runs asadmin through the current JDK (no dependence on the scripts' executable bit). Its output goes to a
     * file, not a pipe: start-domain leaves the server running, and a pipe it inherited might never close.
     */
    private static Result asadmin(Duration timeout, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // asadmin keeps a cache and a password file under ~/.gfclient: keep them in target/, not in the home directory
        command.add("-Duser.home=" + TARGET.resolve("asadmin-home"));
        command.add("-Djava.io.tmpdir=" + TARGET);
        command.add("-jar");
        command.add(PAYARA_HOME.resolve("glassfish/lib/client/appserver-cli.jar").toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));

        Path output;
        synchronized (EarOnPayaraServerIT.class) {
            output = ASADMIN_LOGS.resolve(String.format("%02d-%s.log", ++commandCount, commandName(args)));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(TARGET.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().putAll(env);
        try {
            Files.createDirectories(ASADMIN_LOGS);
            Process process = pb.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, read(output) + "\n[asadmin did not finish within " + timeout + "]");
            }
            return new Result(process.exitValue(), read(output));
        } catch (IOException e) {
            return new Result(-1, "could not run " + command + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted while running " + command);
        }
    }

    /** The subcommand, for the log file's name: the first argument that is neither an option nor its value. */
    private static String commandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            boolean optionValue = i > 0 && (args[i - 1].equals("--host") || args[i - 1].equals("--port"));
            if (!args[i].startsWith("-") && !optionValue) {
                return args[i];
            }
        }
        return "asadmin";
    }

    // ---- the domain ----

    /** A domain a killed earlier run left behind: stop it (it may still be running) and remove it. */
    private static void removeLeftoverDomain() {
        Path dir = DOMAINS.resolve(DOMAIN);
        if (Files.exists(dir)) {
            log("removing the domain an earlier run left in " + dir);
            asadmin(STOP_TIMEOUT, Map.of(), "stop-domain", "--kill=true", "--domaindir", DOMAINS.toString(), DOMAIN);
            deleteRecursively(dir);
        }
    }

    private static Path serverLog() {
        return DOMAINS.resolve(DOMAIN).resolve("logs/server.log");
    }

    private static void keepServerLog() {
        try {
            if (Files.exists(serverLog())) {
                Files.copy(serverLog(), KEPT_SERVER_LOG, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log("could not keep the server log: " + e);
        }
    }

    /** The lines of server.log worth reading when something failed: severe records and their causes. */
    private static String serverLogProblems() {
        Path log = serverLog();
        if (!Files.exists(log)) {
            return "(no server log at " + log + ")";
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> problems = new ArrayList<>();
            boolean inSevere = false;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("[")) {
                    inSevere = line.contains("[SEVERE]");
                }
                if (inSevere && !line.startsWith("\tat ") && !line.matches("\\s*\\.\\.\\. \\d+ more")) {
                    problems.add(line);
                }
            }
            if (problems.isEmpty()) {
                return "(no SEVERE records in server.log, kept in " + KEPT_SERVER_LOG + ")";
            }
            int from = Math.max(0, problems.size() - 80);
            return "SEVERE records of server.log without their stack frames" + (from > 0 ? ", last 80 lines" : "")
                    + " (the whole log is kept in " + KEPT_SERVER_LOG + "):\n"
                    + String.join("\n", problems.subList(from, problems.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    // ---- helpers ----

    /** A port base whose derived ports are all free, below the Linux ephemeral range (32768+). */
    private static int freePortBase() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 10_000 + 100 * random.nextInt(220); // 10000 .. 31900
            boolean allFree = true;
            for (int offset : PORT_OFFSETS) {
                if (!isFree(base + offset)) {
                    allFree = false;
                    break;
                }
            }
            if (allFree) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports for the Payara domain");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not delete " + dir + ": " + e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through ./mvnw verify)");
        }
        return value;
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static void log(String message) {
        System.out.println("[EarOnPayaraServerIT] " + message);
    }
}
