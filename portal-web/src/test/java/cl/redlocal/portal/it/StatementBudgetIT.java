package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many SQL statements a page costs, counted by PostgreSQL itself (pg_stat_statements in the test
 * database): each main page is rendered once to warm it up, the counters are reset, the page is rendered
 * again and every statement the database executed for it is counted (connection checks included, the
 * outbox's and the jobs' own queries left out). A page over its budget of 12 fails the build, so a statement
 * per row cannot come back unnoticed: the pages render the demo comuna (333 cases, hundreds of referrals,
 * alerts, waiting entries, plan actions and agreements), whose lists are long enough that one statement per
 * row would blow the budget many times over. The pool validates a connection at most once a minute, so the
 * second render must not spend a {@code SELECT 1} per checkout either. Two pages are over 12 and carry their
 * own fixed budget for now, because they are made of many sections each read by its own service (a section,
 * its query; the page's reads audited in one INSERT): the case page (nine sections, 43) and the table's agenda
 * (items, cases, agreements, flows, suggestions, protocols and knots, 23). What they must never do is grow with
 * their rows: {@link #theCasePageCostsTheSameForABusyCaseAsForAQuietOne} holds them to that.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatementBudgetIT {

    private static final String COUNTED = " WHERE query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%mail_outbox%'"
            + " AND query NOT ILIKE '%job_run%'";

    @ArquillianResource
    URL base;

    @BeforeAll
    static void counting() throws Exception {
        TestDatabase.update("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    @ParameterizedTest(name = "{1} as {0}: at most {2} statements")
    @CsvSource({
            "cofacilitador.opd, index.xhtml, 12",
            "cofacilitador.opd, cases/table.xhtml, 12",
            "cofacilitador.opd, cases/table.xhtml?sort=priority, 12",
            "cofacilitador.opd, cases/case.xhtml?id={busiest-case}, 43",
            "cofacilitador.opd, alerts/inbox.xhtml, 12",
            "cofacilitador.opd, alerts/log.xhtml, 12",
            "cofacilitador.opd, waiting/lists.xhtml, 12",
            "cofacilitador.opd, waiting/lists.xhtml?program={longest-list}, 12",
            // + 1: the past sessions still to close; the page still reads its session once per service call (4 times)
            "cofacilitador.opd, mgc/agenda.xhtml, 24",
            "cofacilitador.opd, mgc/agreements.xhtml, 12",
            "cofacilitador.opd, mgc/tables.xhtml, 12",
            "cofacilitador.opd, plan/overdue.xhtml, 12",
            "cofacilitador.opd, notifications.xhtml, 12",
            "profesional.ppf, index.xhtml, 12",
            "profesional.ppf, referrals/inbox.xhtml, 12",
            "profesional.ppf, waiting/lists.xhtml, 12",
            "profesional.ppf, cases/case.xhtml?id={busiest-case}, 43",
            "profesional.ppf, followup/due.xhtml, 12",
            "profesional.ppf, plan/overdue.xhtml, 12",
            "coordinador, offer/programs.xhtml, 12",
            "coordinador, offer/providers.xhtml, 12",
            "coordinador, offer/map.xhtml, 12",
            "gestor, alerts/territory.xhtml, 12",
            "admin, admin/users.xhtml, 12",
            "admin, admin/audit.xhtml, 12",
            "admin, admin/operations.xhtml, 12"})
    void aPageStaysWithinItsStatementBudget(String username, String path, int budget) throws Exception {
        String page = path.replace("{busiest-case}", String.valueOf(busiestCase()))
                .replace("{longest-list}", String.valueOf(longestList()));
        WebClient web = new WebClient(base);
        web.signIn(username, TestSession.DEMO_PASSWORD);
        assertThat(web.get(page).statusCode()).isEqualTo(200);

        TestDatabase.value("SELECT pg_stat_statements_reset()");
        HttpResponse<String> rendered = web.get(page);
        long statements = TestDatabase.count("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements" + COUNTED);
        long validations = TestDatabase.count("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                + " WHERE trim(query) ILIKE 'SELECT 1'");
        List<Object> top = TestDatabase.values("SELECT calls || ' × ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 160)"
                + " FROM pg_stat_statements" + COUNTED + " ORDER BY calls DESC LIMIT 6");

        assertThat(rendered.statusCode()).isEqualTo(200);
        System.out.println("[statements] " + page + " as " + username + ": " + statements + " (SELECT 1: " + validations + ")");
        top.forEach(q -> System.out.println("[statements]     " + q));
        assertThat(statements).as(page + " as " + username + ": " + top).isLessThanOrEqualTo(budget);
        assertThat(validations).as("connection validations on " + page).isZero();
    }

    @org.junit.jupiter.api.Test
    void theCasePageCostsTheSameForABusyCaseAsForAQuietOne() throws Exception {
        WebClient web = new WebClient(base);
        web.signIn("cofacilitador.opd", TestSession.DEMO_PASSWORD);
        long busy = statementsOf(web, "cases/case.xhtml?id=" + busiestCase());
        long quiet = statementsOf(web, "cases/case.xhtml?id=" + quietestCase());
        System.out.println("[statements] case page: busiest case " + busy + ", quietest case " + quiet);
        assertThat(busy).isLessThanOrEqualTo(quiet + 2); // a section with no rows may skip a follow-up read
    }

    private static long statementsOf(WebClient web, String page) throws Exception {
        assertThat(web.get(page).statusCode()).isEqualTo(200);
        TestDatabase.value("SELECT pg_stat_statements_reset()");
        assertThat(web.get(page).statusCode()).isEqualTo(200);
        return TestDatabase.count("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements" + COUNTED);
    }

    /** The demo case with the fewest rows (but a child and a case, as every case). */
    private static long quietestCase() {
        return TestDatabase.count(RANKED_CASES.formatted("ASC"));
    }

    private static final String RANKED_CASES = "SELECT c.id FROM case_file c JOIN comuna co ON co.id = c.comuna_id"
            + " WHERE co.code = (SELECT co2.code FROM app_user u JOIN comuna co2 ON co2.id = u.comuna_id"
            + " WHERE u.username = 'cofacilitador.opd')"
            + " ORDER BY (SELECT count(*) FROM referral r WHERE r.case_id = c.id)"
            + " + (SELECT count(*) FROM vulnerability_alert a WHERE a.case_id = c.id)"
            + " + (SELECT count(*) FROM case_involvement i WHERE i.case_id = c.id)"
            + " + (SELECT count(*) FROM waiting_entry w WHERE w.case_id = c.id) %s, c.id LIMIT 1";

    /** The demo case with the most referrals, alerts, stays, waiting entries and plan actions. */
    private static long busiestCase() {
        return TestDatabase.count(RANKED_CASES.formatted("DESC"));
    }

    /** The demo program with the most open waiting entries. */
    private static long longestList() {
        return TestDatabase.count("SELECT w.program_id FROM waiting_entry w JOIN comuna co ON co.id = w.comuna_id"
                + " JOIN app_user u ON u.comuna_id = co.id AND u.username = 'cofacilitador.opd'"
                + " WHERE w.exited_at IS NULL GROUP BY w.program_id ORDER BY count(*) DESC LIMIT 1");
    }
}
