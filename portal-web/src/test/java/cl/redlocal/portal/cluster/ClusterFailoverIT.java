package cl.redlocal.portal.cluster;

import cl.redlocal.portal.devtools.LocalCluster;
import cl.redlocal.portal.it.TestDatabase;
import cl.redlocal.portal.it.TestMailServer;
import cl.redlocal.portal.it.WebClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two Payara Micro nodes of one data grid behind HAProxy (the very {@link LocalCluster} that
 * {@code PORTAL_NODES=2 ./run.sh} starts), on the run's PostgreSQL and GreenMail: an edit saved on one
 * node is read on the other and a concurrent save is refused; the once-per-cluster jobs run once and the
 * outbox sends each mail once; a person whose node is killed with kill -9 goes on (page, ajax postback of
 * a view opened on the dead node, save) on the other node without signing in again; the node started
 * again takes traffic. Runs in its own failsafe execution (tag {@code cluster}), not on the suite
 * deployment. Prints the seconds from the kill to the next successful request and the sessions lost.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String PASSWORD = "RedLocal#2026";
    private static final String PRO = "profesional.ppf";
    private static final String OTHER_PRO = "profesional.pie";

    private static LocalCluster cluster;
    private static long caseId;
    private static String zone;

    @BeforeAll
    static void startCluster() throws Exception {
        if (LocalCluster.haproxy() == null) {
            fail("The cluster test needs HAProxy: sudo apt-get install haproxy (.ci/run installs it),"
                    + " or skip it with -DskipClusterITs");
        }
        Path work = Path.of(System.getProperty("portal.test.tmp", "target")).resolve("cluster");
        deleteRecursively(work);
        // a zone where it is now about 14:00, so the daily 08:30 and 08:40 digests are due at once
        int offset = 14 - ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        zone = String.format("%+03d:00", offset);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORTAL_DB_URL", TestDatabase.url());
        env.put("PORTAL_DB_USER", "portal_app");
        env.put("PORTAL_DB_PASSWORD", "portal_app");
        env.put("PORTAL_DB_MIGRATION_USER", "postgres");
        env.put("PORTAL_DB_MIGRATION_PASSWORD", "test");
        env.put("PORTAL_DEMO_ENABLED", "true");
        env.put("PORTAL_TIMEZONE", zone);
        env.put("PORTAL_MAIL_SMTP_HOST", "127.0.0.1");
        env.put("PORTAL_MAIL_SMTP_PORT", System.getProperty("portal.test.smtp.port"));
        env.put("PORTAL_OFFER_MAP_TILE_URL", "");
        // the fewest iterations Jakarta Security's PBKDF2 accepts: the demo users and the nine sign-ins
        // here would otherwise spend seconds of a shared 2-core machine on hashing
        env.put("PORTAL_SECURITY_PBKDF2_ITERATIONS", "1024");
        cluster = new LocalCluster(new LocalCluster.Settings(Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("portal.test.war")), work, "127.0.0.1", LocalCluster.freePort(), 2,
                "640m", List.of(), env, true));
        long started = System.nanoTime();
        cluster.start();
        try {
            cluster.awaitReady(Duration.ofMinutes(5));
        } catch (IOException e) {
            fail(e.getMessage() + "\n" + cluster.nodes().stream()
                    .map(n -> n.name() + ":\n" + LocalCluster.tail(n.log(), 40)).reduce("", String::concat));
        }
        System.out.printf("[cluster] two nodes and the balancer ready in %.1f s%n", seconds(started));
        caseId = ((Number) TestDatabase.value("SELECT ci.case_id FROM case_involvement ci"
                + " JOIN program p ON p.id = ci.program_id JOIN comuna co ON co.id = p.comuna_id"
                + " JOIN case_file c ON c.id = ci.case_id JOIN child ch ON ch.id = c.child_id"
                + " WHERE co.name = 'Comuna Demo' AND p.acronym IN ('PPF', 'PIE')"
                + " AND EXISTS (SELECT 1 FROM family_adult fa WHERE fa.family_id = ch.family_id)"
                + " GROUP BY ci.case_id HAVING count(DISTINCT p.acronym) = 2 ORDER BY ci.case_id LIMIT 1")).longValue();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneDataGrid() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (cluster.nodes().stream().noneMatch(n -> log(n).contains("DG Size: 2"))
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(cluster.nodes()).anyMatch(n -> log(n).contains("DG Size: 2"));
    }

    @Test
    @Order(2)
    void anEditSavedOnOneNodeIsReadOnTheOtherAndASaveOfTheSameRecordThereIsRefused() {
        LocalCluster.Node a = cluster.node("node-1");
        LocalCluster.Node b = cluster.node("node-2");
        WebClient onA = new WebClient(url(a.uri()));
        WebClient onB = new WebClient(url(b.uri()));
        onA.signIn(PRO, PASSWORD);
        onB.signIn(OTHER_PRO, PASSWORD);
        String childPath = "cases/child.xhtml?case=" + caseId;
        HttpResponse<String> formOnA = onA.get(childPath);
        HttpResponse<String> formOnB = onB.get(childPath);
        assertThat(formOnA.body()).contains("id=\"correction\"");
        assertThat(formOnB.body()).contains("id=\"correction\"");

        String school = "Escuela del nodo A " + System.nanoTime() % 100000;
        HttpResponse<String> saved = onA.submit(formOnA, "correction",
                correction(formOnA.body(), school, "Dato confirmado por la escuela"), "saveCorrection");
        assertThat(saved.body()).contains("Corrección guardada");

        // node B's next read shows it: no entity cache holds the old row
        assertThat(onB.get(childPath).body()).contains(school);
        // and B's copy, loaded before A saved, is refused instead of overwriting A's edit
        HttpResponse<String> stale = onB.submit(formOnB, "correction",
                correction(formOnB.body(), "Escuela del nodo B", "Otro dato"), "saveCorrection");
        assertThat(stale.body()).contains("Otra persona guardó este registro");
        assertThat(TestDatabase.value("SELECT ch.school FROM child ch JOIN case_file c ON c.child_id = ch.id"
                + " WHERE c.id = ?", caseId)).isEqualTo(school);
    }

    @Test
    @Order(3)
    void jobsDueOncePerClusterRunOnceAndTheOutboxSendsEachMailOnce() throws Exception {
        List<String> jobs = List.of("daily-digest", "alert-rules", "referral-escalation");
        // the first period of each: the alert rules over every demo comuna can take over a minute while both
        // nodes of this 2-core machine are still warming up
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (TestDatabase.count("SELECT count(DISTINCT job) FROM job_run WHERE finished_at IS NOT NULL"
                + " AND job IN ('" + String.join("', '", jobs) + "')") < jobs.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        // both nodes tick every 10-15 s and both found each period due; one claimed it, the other skipped it
        for (String job : jobs) {
            List<Object> nodes = TestDatabase.values("SELECT node FROM job_run WHERE job = ? AND finished_at IS NOT NULL", job);
            assertThat(nodes).as(job + ": the node of each period").isNotEmpty()
                    .allMatch(n -> n.toString().startsWith("node-1-") || n.toString().startsWith("node-2-"));
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM job_run WHERE job = 'daily-digest' AND period NOT LIKE '%/%'"))
                .as("one digest period today, claimed by one node").isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM (SELECT recipient, subject FROM mail_outbox"
                + " WHERE subject LIKE 'Red Local: recordatorios del %' GROUP BY recipient, subject"
                + " HAVING count(*) > 1) twice")).as("a person's digest written twice").isZero();

        long digests = TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE subject LIKE 'Red Local: recordatorios del %'");

        // both nodes send, claiming rows with SKIP LOCKED: a burst written at once leaves once per mail
        TestDatabase.update("INSERT INTO mail_outbox (recipient, subject, body_text) SELECT 'persona' || n"
                + " || '@example.test', 'Aviso ' || n, 'Texto del aviso ' || n FROM generate_series(1, 200) n");
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        long sent = TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE status = 'SENT'");
        assertThat(sent).as("mails sent").isGreaterThanOrEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM mail_outbox WHERE status = 'PENDING'")).isZero();
        Set<String> ids = new HashSet<>();
        int received = 0;
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            ids.add(message.getMessageID());
            received++;
        }
        // GreenMail keeps one copy per recipient address: count distinct Message-IDs against rows
        assertThat(ids).as("distinct mails received").hasSize((int) sent);
        System.out.printf("[cluster] %d digests written once each; %d mails sent by two nodes, %d received, none twice%n",
                digests, sent, received);
    }

    @Test
    @Order(4)
    void measuresWhatTheSizingPaperStartsFrom() throws Exception {
        // docs/scaling.md: a node's heap in use after a full collection, and the database per case
        for (LocalCluster.Node node : cluster.nodes()) {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, String.valueOf(node.pid()), "GC.run").redirectErrorStream(true).start().waitFor();
            Process info = new ProcessBuilder(jcmd, String.valueOf(node.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String heap = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
            if (used.find()) {
                System.out.printf("[cluster] %s heap in use after a full GC: %d MB of %d MB committed%n", node.name(),
                        Long.parseLong(used.group(2)) / 1024, Long.parseLong(used.group(1)) / 1024);
            }
        }
        long cases = TestDatabase.count("SELECT count(*) FROM case_file");
        long children = TestDatabase.count("SELECT count(*) FROM child");
        long tables = ((Number) TestDatabase.value("SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'")).longValue();
        long audit = ((Number) TestDatabase.value("SELECT pg_total_relation_size('audit_event')")).longValue();
        long auditRows = TestDatabase.count("SELECT count(*) FROM audit_event");
        // too few audit rows here to divide the table's size: a row's own width and the indexes it feeds
        Object auditRowBytes = TestDatabase.value("SELECT round(avg(pg_column_size(a.*))) FROM audit_event a");
        long auditIndexes = TestDatabase.count("SELECT count(*) FROM pg_indexes WHERE tablename = 'audit_event'");
        System.out.printf("[cluster] demo database: %d cases, %d children, %d KB in the portal's tables and indexes"
                + " (the audit trail %d KB for %d rows of %s bytes on average, %d indexes)%n", cases, children,
                tables / 1024, audit / 1024, auditRows, auditRowBytes, auditIndexes);
        assertThat(cases).isPositive();
    }

    @Test
    @Order(5)
    void aPersonWhoseNodeIsKilledGoesOnOnTheOtherWithoutSigningInAgain() throws Exception {
        WebClient person = new WebClient(url(cluster.uri()));
        assertThat(person.signIn(PRO, PASSWORD).uri().getPath()).doesNotEndWith("/login.xhtml");
        HttpResponse<String> casePage = person.get("cases/case.xhtml?id=" + caseId);
        assertThat(casePage.statusCode()).isEqualTo(200);
        HttpResponse<String> form = person.get("cases/child.xhtml?case=" + caseId);
        String servedBy = nodeOf(form);
        String sessionId = person.sessionId();

        // others signed in through the balancer, spread over both nodes
        List<WebClient> others = new ArrayList<>();
        Map<WebClient, String> nodeOfOther = new LinkedHashMap<>();
        for (String user : List.of("coordinador", "cofacilitador.opd", "cofacilitador.edt", "profesional.pie",
                "gestor", "admin")) {
            WebClient other = new WebClient(url(cluster.uri()));
            other.signIn(user, PASSWORD);
            nodeOfOther.put(other, nodeOf(other.get("index.xhtml")));
            others.add(other);
        }

        LocalCluster.Node dead = cluster.node(servedBy);
        long killed = System.nanoTime();
        dead.kill();
        System.out.printf("[cluster] kill -9 of %s (pid %d)%n", dead.name(), dead.pid());

        HttpResponse<String> next = person.get("cases/case.xhtml?id=" + caseId);
        double toNextSuccess = seconds(killed);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.uri().getPath()).endsWith("/cases/case.xhtml");
        assertThat(next.body()).contains("C-2026-").doesNotContain("Ocurrió un error");
        assertThat(nodeOf(next)).isNotEqualTo(servedBy);
        assertThat(person.sessionId()).as("the same session, not a new sign-in").isEqualTo(sessionId);

        // an ajax postback of the form opened on the dead node: its view-scoped state came along
        Matcher edit = Pattern.compile("<button id=\"(adult:[^\"]+)\"[^>]*>.*?<span class=\"ui-button-text[^\"]*\">"
                + "Editar ([^<]+)</span>", Pattern.DOTALL).matcher(form.body());
        assertThat(edit.find()).as("an adult to edit on the child's page").isTrue();
        HttpResponse<String> ajax = person.ajax(form, "adult", edit.group(1), "adult");
        assertThat(ajax.statusCode()).isEqualTo(200);
        assertThat(ajax.body()).startsWith("<?xml").contains("<partial-response")
                .contains("value=\"" + edit.group(2) + "\"").doesNotContain("<redirect");

        // and a save from that form
        String school = "Escuela tras la caída " + System.nanoTime() % 100000;
        HttpResponse<String> saved = person.submit(form, "correction",
                correction(form.body(), school, "Dato confirmado tras la caída del nodo"), "saveCorrection");
        assertThat(saved.body()).contains("Corrección guardada").doesNotContain("Ocurrió un error");
        assertThat(TestDatabase.value("SELECT ch.school FROM child ch JOIN case_file c ON c.child_id = ch.id"
                + " WHERE c.id = ?", caseId)).isEqualTo(school);

        int lost = 0;
        int onDead = 0;
        for (WebClient other : others) {
            onDead += nodeOfOther.get(other).equals(servedBy) ? 1 : 0;
            HttpResponse<String> home = other.get("index.xhtml");
            if (home.statusCode() != 200 || home.uri().getPath().endsWith("/login.xhtml")) {
                lost++;
            }
        }
        System.out.printf("[cluster] seconds from the kill to the next successful request: %.2f%n", toNextSuccess);
        System.out.printf("[cluster] sessions lost: %d of %d (%d of them on the killed node)%n",
                lost, others.size() + 1, onDead + 1);
        assertThat(lost).isZero();
        assertThat(onDead).as("sessions that were on the killed node").isPositive();

        // the node started again joins, takes new visitors, and reads the sessions made before it came back
        long restarted = System.nanoTime();
        dead.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!dead.ready() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(dead.ready()).as(dead.name() + " ready again").isTrue();
        Set<String> servers = new HashSet<>();
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!servers.contains(dead.name()) && System.nanoTime() < deadline) {
            servers.add(nodeOf(plain.send(HttpRequest.newBuilder(cluster.uri().resolve("health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())));
            Thread.sleep(200);
        }
        assertThat(servers).as("nodes that served new visitors").contains(dead.name());
        HttpResponse<String> direct = plain.send(HttpRequest.newBuilder(dead.uri().resolve("index.xhtml"))
                .header("Cookie", "JSESSIONID=" + person.sessionId() + "; JSESSIONIDVERSION="
                        + person.cookie("JSESSIONIDVERSION")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).as("the rejoined node serves the session made while it was away")
                .isEqualTo(200);
        System.out.printf("[cluster] %s started again and took traffic after %.1f s%n", dead.name(), seconds(restarted));

        for (LocalCluster.Node node : cluster.nodes()) {
            assertThat(log(node)).as(node.name() + "'s log").doesNotContain("NotSerializableException");
        }
    }

    /** The correction form's fields as the page shows them, with a new school and a reason. */
    private static Map<String, String> correction(String html, String school, String reason) {
        Map<String, String> fields = formFields(html, "correction");
        fields.put("school", school);
        fields.put("reason", reason);
        return fields;
    }

    /** The values a browser would post for a form of the page (text, hidden, checked boxes, selects, text areas). */
    static Map<String, String> formFields(String html, String formId) {
        int start = html.indexOf("<form id=\"" + formId + "\"");
        String form = html.substring(start, html.indexOf("</form>", start));
        String prefix = formId + ":";
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form);
        while (input.find()) {
            String attrs = input.group(1);
            String name = attr(attrs, "name");
            String type = attr(attrs, "type");
            if (name == null || !name.startsWith(prefix) || "submit".equals(type) || "button".equals(type)
                    || ("checkbox".equals(type) || "radio".equals(type)) && !attrs.contains("checked")) {
                continue;
            }
            String value = attr(attrs, "value");
            fields.put(name.substring(prefix.length()), value == null ? ("checkbox".equals(type) ? "on" : "") : value);
        }
        Matcher select = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (select.find()) {
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(select.group(2));
            if (select.group(1).startsWith(prefix)) {
                fields.put(select.group(1).substring(prefix.length()), selected.find() ? unescape(selected.group(1)) : "");
            }
        }
        Matcher area = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        while (area.find()) {
            if (area.group(1).startsWith(prefix)) {
                fields.put(area.group(1).substring(prefix.length()), unescape(area.group(2)));
            }
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        numeric.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String nodeOf(HttpResponse<?> response) {
        return response.headers().firstValue(LocalCluster.NODE_HEADER)
                .orElseThrow(() -> new AssertionError("no " + LocalCluster.NODE_HEADER + " on " + response.uri()));
    }

    private static String log(LocalCluster.Node node) {
        try {
            return Files.readString(node.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
