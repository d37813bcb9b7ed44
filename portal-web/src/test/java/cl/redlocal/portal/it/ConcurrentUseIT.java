package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in people working at the same moment are never refused what their role allows: several sessions
 * (two of them the same person) request pages and post forms at once, and not one request is answered with
 * "Acceso no permitido" or sent back to the sign-in page, and no refusal is written to the audit trail.
 * (Payara's own form mechanism with an auto-applied session lost a caller's groups under concurrency,
 * Payara issue #6145; the portal's mechanism restores them from the session on every request.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentUseIT {

    private static final int ROUNDS = 140; // × 3 requests × 5 sessions = 2,100 requests

    @ArquillianResource
    URL base;

    @Test
    void authorisedPeopleAreNeverRefusedUnderConcurrentUse() throws Exception {
        record Person(String username, String page) {
        }
        List<Person> people = List.of(
                new Person("cofacilitador.opd", "notifications.xhtml"),
                new Person("cofacilitador.opd", "alerts/rules.xhtml"), // the same person in a second browser
                new Person("profesional.ppf", "followup/due.xhtml"),
                new Person("coordinador", "offer/programs.xhtml"),
                new Person("admin", "admin/users.xhtml"));
        Instant started = Instant.now();
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        CountDownLatch ready = new CountDownLatch(people.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (Person person : people) {
                done.add(pool.submit(() -> {
                    WebClient web = new WebClient(base);
                    assertThat(web.signIn(person.username(), TestSession.DEMO_PASSWORD).uri().getPath())
                            .endsWith("/index.xhtml");
                    ready.countDown();
                    go.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        // any role's page (the /* constraint), then one of this role's own
                        check(person.username(), web.get("account/password.xhtml"), refused, requests);
                        HttpResponse<String> page = web.get(person.page());
                        check(person.username(), page, refused, requests);
                        // a postback: the language switch of the page just read (a redirect back to it)
                        if (page.statusCode() == 200 && page.body().contains("languageForm")) {
                            check(person.username(), web.post(page.uri().getPath(), Map.of(
                                    "primefaces.nonce", nonce(page), "languageForm", "languageForm",
                                    "languageForm:switch", "languageForm:switch",
                                    "jakarta.faces.ViewState", WebClient.viewState(page.body()))), refused, requests);
                        }
                    }
                    return null;
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        System.out.println("[reliability] " + requests.get() + " requests of 5 concurrent sessions: " + refused.size()
                + " refused");
        assertThat(requests.get()).isGreaterThanOrEqualTo(2_000);
        assertThat(refused).as("requests refused or sent to sign in again").isEmpty();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED' AND occurred_at >= ?"
                + " AND username IN ('cofacilitador.opd', 'profesional.ppf', 'coordinador', 'admin')",
                Timestamp.from(started))).isZero();
    }

    private static void check(String who, HttpResponse<String> response, ConcurrentLinkedQueue<String> refused,
                              AtomicInteger requests) {
        requests.incrementAndGet();
        String path = response.uri().getPath();
        if (response.statusCode() != 200 || path.endsWith("/login.xhtml") || path.contains("/error/")
                || response.body().contains("Acceso no permitido") || response.body().contains("Access denied")) {
            refused.add(who + " " + response.statusCode() + " " + path);
        }
    }

    private static String nonce(HttpResponse<String> page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'nonce-([^']+)'")
                .matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        return m.find() ? m.group(1) : "";
    }
}
