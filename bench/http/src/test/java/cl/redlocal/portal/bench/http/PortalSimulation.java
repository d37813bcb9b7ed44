package cl.redlocal.portal.bench.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 12's load: people signed in at once, each with their own session, over a working mix on the
 * generated comuna (generate-comuna.sql), and beside them, in the same run, the floor: the sign-in page
 * (the smallest Faces page, stateless) and /health/ready. Co-facilitators (four in five) open home, the case
 * table (first page, sorted by age, and filtered to over-intervention), a case, the waiting lists, the alerts
 * inbox, the table's agenda and the agreements; professionals open home, their referral inbox, one of
 * its referrals and answer it when it is still pending, their waiting list and the case table. Each request is named after its page, so Gatling's report gives each page's
 * percentiles and throughput. -Dbench.users (50), -Dbench.seconds (120), -Dbench.baseUrl, and the database
 * (-Dbench.db.url, user, password) to find the comuna's cases.
 */
public class PortalSimulation extends Simulation {

    private static final String BASE = System.getProperty("bench.baseUrl", "http://localhost:8090");
    private static final int USERS = Integer.getInteger("bench.users", 50);
    private static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("bench.seconds", 120));
    private static final String PASSWORD = "RedLocal#2026";
    private static final String VIEW_STATE = "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"";
    private static final String NONCE = "'nonce-([^']+)'";

    /** The generated comuna's cases have consecutive ids (generate-comuna.sql inserts them in one statement). */
    private static final long FIRST_CASE;
    private static final long CASES;

    static {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(System.getProperty("bench.db.url"),
                System.getProperty("bench.db.user", "postgres"), System.getProperty("bench.db.password", ""));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT min(f.id), count(*) FROM case_file f"
                     + " JOIN comuna co ON co.id = f.comuna_id AND co.code = '98101'")) {
            rs.next();
            FIRST_CASE = rs.getLong(1);
            CASES = rs.getLong(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the benchmark's comuna is not in " + System.getProperty("bench.db.url"), e);
        }
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE).disableCaching()
            .acceptHeader("text/html,application/xhtml+xml").acceptLanguageHeader("es-CL")
            .userAgentHeader("redlocal-bench");

    private static Iterator<Map<String, Object>> people(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate((Supplier<Map<String, Object>>) () ->
                Map.of("username", prefix + (1 + next.getAndIncrement() % 100))).iterator();
    }

    private static ChainBuilder signIn() {
        return exec(http("sign-in page").get("/login.xhtml")
                        .check(regex(VIEW_STATE).saveAs("viewState"), headerRegex("Content-Security-Policy", NONCE).saveAs("nonce")))
                .exec(http("sign in").post("/login.xhtml")
                        .formParam("primefaces.nonce", "#{nonce}").formParam("login", "login")
                        .formParam("login:username", "#{username}").formParam("login:password", PASSWORD)
                        .formParam("login:submit", "").formParam("jakarta.faces.ViewState", "#{viewState}")
                        .check(status().in(200, 302)));
    }

    private static ChainBuilder page(String name, String path) {
        return exec(http(name).get(path).check(status().is(200))).pause(Duration.ofMillis(200), Duration.ofMillis(600));
    }

    /** The case table, then its second page and the over-intervention filter: ajax requests of its own view. */
    private static ChainBuilder caseTable() {
        return exec(http("case table").get("/cases/table.xhtml")
                        .check(status().is(200), regex(VIEW_STATE).saveAs("tableState"), headerRegex("Content-Security-Policy", NONCE).saveAs("nonce")))
                .pause(Duration.ofMillis(200), Duration.ofMillis(600))
                .exec(http("case table: next page").post("/cases/table.xhtml")
                        .header("Faces-Request", "partial/ajax")
                        .formParam("jakarta.faces.partial.ajax", "true")
                        .formParam("jakarta.faces.source", "caseTable:table")
                        .formParam("jakarta.faces.partial.execute", "caseTable:table")
                        .formParam("jakarta.faces.partial.render", "caseTable:table")
                        .formParam("jakarta.faces.behavior.event", "page")
                        .formParam("jakarta.faces.partial.event", "page")
                        .formParam("caseTable:table_pagination", "true")
                        .formParam("caseTable:table_first", "25")
                        .formParam("caseTable:table_rows", "25")
                        .formParam("caseTable:table_skipChildren", "true")
                        .formParam("caseTable:table_encodeFeature", "true")
                        .formParam("caseTable", "caseTable")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .formParam("jakarta.faces.ViewState", "#{tableState}")
                        .check(status().is(200), regex("<partial-response")))
                .pause(Duration.ofMillis(200), Duration.ofMillis(600))
                .exec(http("case table: over-intervention filter").post("/cases/table.xhtml")
                        .header("Faces-Request", "partial/ajax")
                        .formParam("jakarta.faces.partial.ajax", "true")
                        .formParam("jakarta.faces.source", "caseTable:apply")
                        .formParam("jakarta.faces.partial.execute", "caseTable")
                        .formParam("jakarta.faces.partial.render", "caseTable:table caseTable:messages")
                        .formParam("caseTable:apply", "caseTable:apply")
                        .formParam("caseTable:overIntervention_input", "on")
                        .formParam("caseTable", "caseTable")
                        .formParam("primefaces.nonce", "#{nonce}")
                        .formParam("jakarta.faces.ViewState", "#{tableState}")
                        .check(status().is(200), regex("<partial-response")))
                .pause(Duration.ofMillis(200), Duration.ofMillis(600));
    }

    /**
     * The referral inbox, one of its referrals, and, when the program may still answer it, the answer
     * (accepted with a note: the write, its history, the sender's notice in the outbox and the audit).
     */
    private static ChainBuilder referralAnswer() {
        return exec(http("referral inbox").get("/referrals/inbox.xhtml")
                        .check(status().is(200), regex("referral\\.xhtml\\?id=(\\d+)").findRandom().optional()
                                .saveAs("referralId")))
                .pause(Duration.ofMillis(200), Duration.ofMillis(600))
                .doIf(session -> session.contains("referralId")).then(
                        exec(http("referral page").get("/referrals/referral.xhtml?id=#{referralId}")
                                .check(status().is(200), regex(VIEW_STATE).saveAs("referralState"),
                                        headerRegex("Content-Security-Policy", NONCE).saveAs("nonce"),
                                        regex("id=\"acceptForm:accept\"").count().saveAs("answerable")))
                                .pause(Duration.ofMillis(200), Duration.ofMillis(600))
                                .doIf(session -> session.getInt("answerable") > 0).then(
                                        exec(http("referral answer").post("/referrals/referral.xhtml?id=#{referralId}")
                                                .header("Faces-Request", "partial/ajax")
                                                .formParam("jakarta.faces.partial.ajax", "true")
                                                .formParam("jakarta.faces.source", "acceptForm:accept")
                                                .formParam("jakarta.faces.partial.execute", "acceptForm")
                                                .formParam("jakarta.faces.partial.render", "acceptForm")
                                                .formParam("acceptForm:accept", "acceptForm:accept")
                                                .formParam("acceptForm:note", "Aceptada en la prueba de carga")
                                                .formParam("acceptForm", "acceptForm")
                                                .formParam("primefaces.nonce", "#{nonce}")
                                                .formParam("jakarta.faces.ViewState", "#{referralState}")
                                                .check(status().is(200), regex("<partial-response")))
                                                .pause(Duration.ofMillis(200), Duration.ofMillis(600))))
                .exec(session -> session.remove("referralId"));
    }

    private static ChainBuilder randomCase() {
        return exec(session -> session.set("caseId", FIRST_CASE + ThreadLocalRandom.current().nextLong(CASES)))
                .exec(http("case page").get("/cases/case.xhtml?id=#{caseId}").check(status().is(200)))
                .pause(Duration.ofMillis(200), Duration.ofMillis(600));
    }

    private final ScenarioBuilder cofacilitators = scenario("co-facilitators")
            .feed(people("bench.cofa."))
            .exec(signIn())
            .during(LENGTH).on(
                    page("home", "/index.xhtml"),
                    caseTable(),
                    randomCase(),
                    page("waiting lists", "/waiting/lists.xhtml"),
                    page("alerts inbox", "/alerts/inbox.xhtml"),
                    page("agenda", "/mgc/agenda.xhtml"),
                    page("agreements", "/mgc/agreements.xhtml"));

    private final ScenarioBuilder professionals = scenario("professionals")
            .feed(people("bench.prof."))
            .exec(signIn())
            .during(LENGTH).on(
                    page("home", "/index.xhtml"),
                    referralAnswer(),
                    page("waiting lists", "/waiting/lists.xhtml"),
                    page("case table", "/cases/table.xhtml"));

    /** The floor, measured in the same run: the smallest Faces page and the readiness check. */
    private final ScenarioBuilder floor = scenario("floor")
            .during(LENGTH).on(
                    exec(http("floor: sign-in page").get("/login.xhtml").check(status().is(200))),
                    exec(http("floor: /health/ready").get("/health/ready").check(status().is(200))),
                    pause(Duration.ofMillis(200)));

    {
        int professionalsCount = Math.max(1, USERS / 5);
        // everyone signs in during the first minute (a sign-in hashes the password 600,000 times: 50 at once
        // queue for longer than a request may wait on two cores), then works
        setUp(cofacilitators.injectOpen(rampUsers(USERS - professionalsCount).during(Duration.ofSeconds(60))),
                professionals.injectOpen(rampUsers(professionalsCount).during(Duration.ofSeconds(60))),
                floor.injectOpen(atOnceUsers(2)))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(5.0));
    }
}
