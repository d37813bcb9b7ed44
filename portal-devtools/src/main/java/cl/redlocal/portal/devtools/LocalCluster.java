package cl.redlocal.portal.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Several Payara Micro nodes of one cluster on this machine, behind HAProxy: what {@code PORTAL_NODES=2
 * ./run.sh} starts, and what the cluster test starts on free ports.
 *
 * <p>The nodes form one Payara data grid (Hazelcast) found over TCP on the loopback, with the members
 * listed explicitly, because multicast is often unavailable (containers, CI) and would let another
 * engineer's nodes on the same network join. Host-aware partitioning is off: with it on (Payara's
 * default) no member on the same address keeps a backup of another's sessions, so killing one node would
 * lose its sessions. The cluster name is unique per start for the same reason.
 *
 * <p>HAProxy spreads new visitors round-robin and keeps a session on its node with a cookie of its own
 * ({@code PORTAL_NODE}); when that node stops answering, the request is retried on another node, which
 * reads the session from the data grid. A node counts as up when {@code /health/ready} says so, so a
 * restarted node takes traffic once the portal is deployed. Each response names the node that served it
 * in {@code X-Portal-Node}: this balancer is for development and tests only, a production balancer is
 * configured by operations (see docs/cluster.md).
 */
public final class LocalCluster implements AutoCloseable {

    /** The response header that names the node that served a request (set by the balancer, not the portal). */
    public static final String NODE_HEADER = "X-Portal-Node";

    /** What to start. */
    public record Settings(Path microJar, Path war, Path workDir, String bindAddress, int balancerPort,
                           int nodes, String heap, List<String> jvmOptions, Map<String, String> environment,
                           boolean logToFiles) {
    }

    /** One Payara Micro of the cluster. */
    public final class Node {
        private final String name;
        private final int httpPort;
        private final int dataGridPort;
        private Process process;

        private Node(String name, int httpPort, int dataGridPort) {
            this.name = name;
            this.httpPort = httpPort;
            this.dataGridPort = dataGridPort;
        }

        public String name() {
            return name;
        }

        public int httpPort() {
            return httpPort;
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + httpPort + "/");
        }

        public Path log() {
            return settings.workDir().resolve(name + ".log");
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process != null && process.isAlive();
        }

        /** Starts (or starts again, on the same ports) this node; returns at once. */
        public synchronized void start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + settings.heap());
            command.add("-Duser.language=es");
            command.add("-Duser.country=CL");
            command.add("-Djava.io.tmpdir=" + Files.createDirectories(settings.workDir().resolve(name + "-tmp")));
            // the name the portal's scheduled jobs record in job_run for the periods this node claims
            command.add("-Dpayaramicro.name=" + name);
            command.addAll(settings.jvmOptions());
            command.addAll(List.of("-jar", settings.microJar().toString(),
                    "--deploy", settings.war().toString(), "--contextroot", "/",
                    "--port", String.valueOf(httpPort), "--name", name,
                    "--clustername", clusterName,
                    "--clustermode", "tcpip:" + members(),
                    "--startport", String.valueOf(dataGridPort),
                    "--interfaces", "127.0.0.1",
                    "--nohostaware"));
            ProcessBuilder pb = new ProcessBuilder(command);
            if (settings.logToFiles()) {
                pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            } else {
                pb.inheritIO();
            }
            // secrets in the environment, never on the command line (ps)
            pb.environment().putAll(settings.environment());
            process = pb.start();
        }

        /** kill -9: the node vanishes mid-work, as when its machine dies. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        /** A clean stop (SIGTERM), within 30 s or forcibly. */
        public void stop() {
            if (isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }

        /** True when the portal on this node answers its readiness check with UP. */
        public boolean ready() {
            return isAlive() && status(uri().resolve("health/ready")) == 200;
        }

        @Override
        public String toString() {
            return name + " (http " + httpPort + ", data grid " + dataGridPort + ")";
        }
    }

    private final Settings settings;
    private final String clusterName = "redlocal-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    // HTTP/1.1: the JDK client's h2c upgrade request can hang against Payara's Grizzly
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process balancer;

    public LocalCluster(Settings settings) throws IOException {
        this.settings = settings;
        Files.createDirectories(settings.workDir());
        for (int i = 1; i <= settings.nodes(); i++) {
            nodes.put("node-" + i, new Node("node-" + i, freePort(), freePort()));
        }
    }

    /** HAProxy: PORTAL_HAPROXY, else on the PATH or in /usr/sbin (Debian's package); null when not installed. */
    public static Path haproxy() {
        String explicit = System.getenv("PORTAL_HAPROXY");
        if (explicit != null && !explicit.isBlank()) {
            return Files.isExecutable(Path.of(explicit)) ? Path.of(explicit) : null;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + java.io.File.pathSeparator + "/usr/sbin";
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Starts every node at once (each takes ~20 s) and the balancer in front; returns without waiting. */
    public void start() throws IOException {
        Path haproxy = haproxy();
        if (haproxy == null) {
            throw new IOException("HAProxy is not installed: on Debian or Ubuntu, sudo apt-get install haproxy"
                    + " (or set PORTAL_HAPROXY to its path)");
        }
        for (Node node : nodes.values()) {
            node.start();
        }
        Path config = Files.writeString(settings.workDir().resolve("haproxy.cfg"), balancerConfig());
        ProcessBuilder pb = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString());
        if (settings.logToFiles()) {
            pb.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.workDir().resolve("haproxy.log").toFile()));
        } else {
            pb.inheritIO();
        }
        balancer = pb.start();
    }

    /** Waits until every node is ready and the balancer answers, or throws after the timeout. */
    public void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Node node : nodes.values()) {
                if (!node.isAlive()) {
                    throw new IOException(node.name() + " ended during start-up (exit " + node.process.exitValue()
                            + "); see " + node.log());
                }
            }
            if (!balancer.isAlive()) {
                throw new IOException("HAProxy ended (exit " + balancer.exitValue() + "); see "
                        + settings.workDir().resolve("haproxy.log"));
            }
            if (nodes.values().stream().allMatch(Node::ready) && status(uri().resolve("health/ready")) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException("the cluster was not ready within " + timeout.toSeconds() + " s: " + nodes.values());
    }

    /** The balancer's address: where people go. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + settings.balancerPort() + "/");
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + " in " + nodes.keySet());
        }
        return node;
    }

    public boolean balancerAlive() {
        return balancer != null && balancer.isAlive();
    }

    /** Stops the balancer and then every node cleanly, all at once. */
    @Override
    public void close() {
        if (balancer != null && balancer.isAlive()) {
            balancer.destroy();
        }
        List<Thread> stops = nodes.values().stream().map(n -> new Thread(n::stop, "stop-" + n.name()))
                .peek(Thread::start).toList();
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (balancer != null) {
            try {
                if (!balancer.waitFor(5, TimeUnit.SECONDS)) {
                    balancer.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String members() {
        return nodes.values().stream().map(n -> "127.0.0.1:" + n.dataGridPort).collect(Collectors.joining(","));
    }

    String balancerConfig() {
        StringBuilder cfg = new StringBuilder();
        cfg.append("""
                # Generated by portal-devtools LocalCluster for this start; development and tests only.
                global
                    maxconn 2000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    # a node that died: the connection is refused at once, and the request goes to another node
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response 503
                    option http-buffer-request

                frontend portal
                """);
        cfg.append("    bind ").append(settings.bindAddress()).append(':').append(settings.balancerPort()).append('\n');
        cfg.append("""
                    # an HTTP/2 upgrade (h2c: some HTTP clients ask for it, browsers never do) would turn the
                    # connection into a tunnel that the balancer no longer routes, retries or marks request by request
                    http-request del-header Upgrade if { req.hdr(Upgrade) -m sub -i h2c }
                    http-request del-header HTTP2-Settings
                    default_backend nodes

                backend nodes
                    balance roundrobin
                    # a person stays on their node while it lives (their session is local there); the data grid
                    # holds a copy on another node for when it dies
                    cookie PORTAL_NODE insert indirect nocache httponly attr "SameSite=Lax"
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
                    http-response set-header X-Portal-Node %[srv_name]
                """);
        for (Node node : nodes.values()) {
            cfg.append("    server ").append(node.name).append(" 127.0.0.1:").append(node.httpPort)
                    .append(" check cookie ").append(node.name).append('\n');
        }
        return cfg.toString();
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A port nobody listens on now (the usual small race with other processes is accepted). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of a node's log, for a failure message. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
