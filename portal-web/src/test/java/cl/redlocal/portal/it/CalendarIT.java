package cl.redlocal.portal.it;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, calendar: a session's .ics download and a person's ICS feed (secret token, revocable), both read
 * back with ical4j as a calendar application would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarIT {

    private static final Pattern FEED = Pattern.compile("(calendar/feed/[A-Za-z0-9_-]{20,64}\\.ics)");

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        DailyFixture.ensure();
    }

    @Test
    void aSessionOffersItsIcsWhichACalendarReadsAsThatSession() throws Exception {
        long session = DailyFixture.unclosedSession();
        WebClient web = new WebClient(base);
        web.signIn(DailyFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(web.get("mgc/session.xhtml?id=" + session).body()).contains("mgc/session.ics?id=" + session);

        HttpResponse<String> ics = web.get("mgc/session.ics?id=" + session);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = events(calendar);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getSummary().getValue()).isEqualTo(DailyFixture.TABLE);
            assertThat(start(e).getEpochSecond()).isEqualTo(((Number) TestDatabase.value(
                    "SELECT CAST(extract(epoch FROM starts_at) AS BIGINT) FROM mgc_session WHERE id = ?", session))
                    .longValue());
        });

        // another comuna's user gets nothing
        WebClient other = new WebClient(base);
        MinutesFixture.ensure();
        other.signIn(MinutesFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        assertThat(other.get("mgc/session.ics?id=" + session).statusCode()).isEqualTo(404);
    }

    @Test
    void aPersonalFeedListsTheTablesSessionsUntilItIsRevoked() throws Exception {
        WebClient web = new WebClient(base);
        web.signIn(DailyFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/calendar.xhtml");
        if (!FEED.matcher(page.body()).find()) {
            page = web.submit(page, "feedForm", Map.of(), "create");
        }
        Matcher m = FEED.matcher(page.body());
        assertThat(m.find()).as("the page shows the feed's address").isTrue();
        String feed = m.group(1);

        HttpResponse<String> ics = new WebClient(base).get(feed); // a calendar application: no sign-in
        assertThat(ics.statusCode()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<VEvent> events = events(calendar);
        assertThat(events).extracting(e -> e.getSummary().getValue()).containsOnly(DailyFixture.TABLE);
        assertThat(events).hasSize(3);
        assertThat(events.stream().map(e -> e.getUid().orElseThrow().getValue()).distinct()).hasSize(3);

        HttpResponse<String> revoked = web.submit(page, "feedForm", Map.of(), "revoke");
        assertThat(revoked.body()).doesNotContain(feed);
        assertThat(new WebClient(base).get(feed).statusCode()).isEqualTo(404);
        assertThat(new WebClient(base).get("calendar/feed/not-a-token.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void aCofacilitatorIssuesAMemberOutsideThePortalTheirOwnFeed() throws Exception {
        WebClient web = new WebClient(base);
        web.signIn(DailyFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("mgc/tables.xhtml?table=" + DailyFixture.table());
        assertThat(page.body()).contains("Sara Salud");
        HttpResponse<String> issued = web.submit(page, "members", Map.of(), "memberTable:0:feed");
        Matcher m = FEED.matcher(issued.body());
        assertThat(m.find()).as("the address to send to the member").isTrue();
        HttpResponse<String> ics = new WebClient(base).get(m.group(1));
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(events(new CalendarBuilder().build(new StringReader(ics.body())))).hasSize(3);

        web.submit(issued, "members", Map.of(), "memberTable:0:revokeFeed");
        assertThat(new WebClient(base).get(m.group(1)).statusCode()).isEqualTo(404);
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast).toList();
    }

    private static Instant start(VEvent e) {
        DtStart<Temporal> start = e.getDateTimeStart();
        return Instant.from(start.getDate());
    }
}
