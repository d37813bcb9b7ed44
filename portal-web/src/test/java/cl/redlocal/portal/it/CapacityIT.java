package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/scaling.md sizes the cluster from, measured on the real pages of one node: the size of a
 * person's session as the data grid stores it (serialized) when signed in, after the pages of a working
 * morning, and at Mojarra's ceiling of 15 views per session (everything serializes, else the probe
 * fails); and how many of those pages one node serves per second to people working at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CapacityIT {

    private static final Pattern TOTAL = Pattern.compile("total (\\d+)");

    @ArquillianResource
    URL base;

    @Test
    void aWorkingSessionSerializesAndStaysSmall() {
        WebClient web = new WebClient(base);
        web.signIn("profesional.ppf", TestSession.DEMO_PASSWORD);
        long signedIn = size(web);

        long caseId = ((Number) TestDatabase.value("SELECT ci.case_id FROM case_involvement ci JOIN program p"
                + " ON p.id = ci.program_id WHERE p.acronym = 'PPF' ORDER BY ci.case_id LIMIT 1")).longValue();
        List<String> morning = List.of("index.xhtml", "cases/table.xhtml", "cases/case.xhtml?id=" + caseId,
                "cases/child.xhtml?case=" + caseId, "plan/plan.xhtml?case=" + caseId, "referrals/inbox.xhtml",
                "notifications.xhtml", "followup/due.xhtml");
        for (String page : morning) {
            assertThat(web.get(page).statusCode()).as(page).isEqualTo(200);
        }
        long working = size(web);

        for (int i = 0; i < 20; i++) { // past the 15 logical views Mojarra keeps per session
            web.get(morning.get(i % morning.size()));
        }
        long ceiling = size(web);
        HttpResponse<String> detail = web.get("test/session-size");
        System.out.printf("[session-size] signed in %d B, after %d pages %d B, at the 15-view ceiling %d B%n%s%n",
                signedIn, morning.size(), working, ceiling, detail.body());
        assertThat(signedIn).isPositive();
        assertThat(ceiling).as("bytes of a session at its ceiling").isLessThan(2_000_000);
    }

    @Test
    void oneNodeServesTheMorningsPagesToPeopleWorkingAtOnce() throws Exception {
        long caseId = ((Number) TestDatabase.value("SELECT ci.case_id FROM case_involvement ci JOIN program p"
                + " ON p.id = ci.program_id WHERE p.acronym = 'PPF' ORDER BY ci.case_id LIMIT 1")).longValue();
        List<String> pages = List.of("index.xhtml", "cases/table.xhtml", "cases/case.xhtml?id=" + caseId,
                "cases/child.xhtml?case=" + caseId, "plan/plan.xhtml?case=" + caseId, "referrals/inbox.xhtml",
                "notifications.xhtml", "followup/due.xhtml");
        int people = 4;
        int rounds = 5; // × 8 pages × 4 people = 160 pages, after one warm-up round each
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(people);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(people);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ConcurrentLinkedQueue<Long> millis = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int p = 0; p < people; p++) {
            done.add(pool.submit(() -> {
                WebClient web = new WebClient(base);
                web.signIn("profesional.ppf", TestSession.DEMO_PASSWORD);
                pages.forEach(web::get);
                ready.countDown();
                go.await();
                for (int r = 0; r < rounds; r++) {
                    for (String page : pages) {
                        long t = System.nanoTime();
                        assertThat(web.get(page).statusCode()).isEqualTo(200);
                        millis.add((System.nanoTime() - t) / 1_000_000);
                    }
                }
                return null;
            }));
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("[capacity] %d pages by %d people at once in %.1f s: %.1f pages/s, median %d ms, p95 %d ms%n",
                sorted.size(), people, seconds, sorted.size() / seconds, sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.95)));
        assertThat(sorted).hasSize(people * rounds * pages.size());
    }

    private static long size(WebClient web) {
        HttpResponse<String> answer = web.get("test/session-size");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("NOT SERIALIZABLE");
        Matcher m = TOTAL.matcher(answer.body());
        assertThat(m.find()).as(answer.body()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
