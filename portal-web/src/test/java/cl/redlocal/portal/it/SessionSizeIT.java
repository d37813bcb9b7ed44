package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a signed-in person's session stays under 300 KB (serialized, as the data grid keeps it) after
 * ten views of the heaviest pages of a co-facilitator's day: home, case table, a case, the alerts inbox,
 * the waiting lists, the table's agenda (with its suggestions) and agreements. Views hold ids and page data,
 * not whole result graphs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionSizeIT {

    private static final Pattern TOTAL = Pattern.compile("total (\\d+)");
    private static final long LIMIT = 300 * 1024;

    @ArquillianResource
    URL base;

    @Test
    void aSessionStaysUnder300KbAfterTenViews() {
        WebClient web = new WebClient(base);
        web.signIn("cofacilitador.opd", TestSession.DEMO_PASSWORD);
        long caseId = TestDatabase.count("SELECT c.id FROM case_file c JOIN app_user u ON u.comuna_id = c.comuna_id"
                + " AND u.username = 'cofacilitador.opd' ORDER BY (SELECT count(*) FROM referral r WHERE r.case_id = c.id)"
                + " DESC, c.id LIMIT 1");
        List<String> views = List.of("index.xhtml", "cases/table.xhtml", "cases/case.xhtml?id=" + caseId,
                "alerts/inbox.xhtml", "waiting/lists.xhtml", "mgc/agenda.xhtml", "mgc/agreements.xhtml",
                "alerts/log.xhtml", "cases/table.xhtml?sort=priority", "mgc/tables.xhtml");
        for (String view : views) {
            assertThat(web.get(view).statusCode()).as(view).isEqualTo(200);
        }
        String detail = web.get("test/session-size").body();
        Matcher total = TOTAL.matcher(detail);
        assertThat(total.find()).as(detail).isTrue();
        long bytes = Long.parseLong(total.group(1));
        System.out.printf("[session-size] after %d views: %d B%n%s%n", views.size(), bytes, detail);
        assertThat(detail).doesNotContain("NOT SERIALIZABLE");
        assertThat(bytes).as("serialized session after ten views").isLessThanOrEqualTo(LIMIT);
    }
}
