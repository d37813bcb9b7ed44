package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static cl.redlocal.portal.it.FixtureSql.id;
import static cl.redlocal.portal.it.FixtureSql.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case process end to end in headless Chromium, as issue 4 asks: a professional refers a child, the
 * receiving program (full) accepts it into its waiting list, and the co-facilitator sees the case on
 * the shared table and the list ordered by the unified priority.
 *
 * <pre>
 * Comuna Flujo (99601): FA (10 slots, 3 taken) refers; FB (2 slots, both taken) receives. Default weights.
 *   FL-0001  3 years, waiting in FB for 60 days by court order   age 20 + court 30 + normal 10 + 2 months 10 = 70
 *   FL-0002  15 years, waiting in FB for 10 days                 normal 10 + 1/3 month 1.67               ~ 11.7
 *   the referred child: 8 years, in FA, one HIGH alert, sent as HIGH urgency: age 10 + alert 15 + urgency 20 = 45
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseProcessFlowIT {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    @ArquillianResource
    URL base;

    @Test
    void aReferralAcceptedWithoutVacancyJoinsTheListInPriorityOrderAndTheTableShowsIt() throws Exception {
        Flow flow = Flow.create();

        ChromeDriver browser = Browser.start();
        long referral;
        try {
            // 1. the professional of FA opens the child's case and refers it to FB
            WebDriverWait wait = Browser.signIn(browser, base, "profesional.fa");
            browser.get(base + "cases/case.xhtml?id=" + flow.referredCase);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("newReferral"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referralForm:reason")));
            browser.executeScript("var menu = PF('targetMenu'); menu.selectValue(arguments[0]); menu.triggerChange();",
                    String.valueOf(flow.fb));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("eligibility"), "FB"));
            assertThat(browser.findElement(By.id("availability")).getText()).as("no vacancy, two waiting")
                    .contains("0").contains("2");
            browser.findElement(By.id("referralForm:reason")).sendKeys("Requiere intervención especializada en familia");
            browser.findElement(By.id("referralForm:summary")).sendKeys("Antecedentes de vulneración reiterada.");
            // the menu's own API, as the target above: a click on its animated panel can land before it opens
            browser.executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);",
                    "referralForm:urgency", "HIGH");
            wait.until(ExpectedConditions.textToBe(By.id("referralForm:urgency_label"), "Alta"));
            browser.findElement(By.cssSelector("[id='referralForm:consent'] .ui-chkbox-box")).click();
            Browser.screenshot(browser, "flow-1-referral");
            browser.findElement(By.id("referralForm:send")).click();
            wait.until(ExpectedConditions.urlContains("referrals/referral.xhtml"));
            referral = ((Number) TestDatabase.value("SELECT id FROM referral WHERE case_id = ?", flow.referredCase))
                    .longValue();
            Browser.signOut(browser, wait);

            // 2. FB's professional finds it in the inbox and accepts it: FB is full, so it waits
            wait = Browser.signIn(browser, base, "profesional.fb");
            browser.findElement(By.id("navReferrals")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:table"), flow.code));
            browser.get(base + "referrals/referral.xhtml?id=" + referral);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("openAccept"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("acceptForm:accept"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cardState"), "En lista de espera"));
            Browser.screenshot(browser, "flow-2-accepted");
            Browser.signOut(browser, wait);

            // 3. the co-facilitator sees the case on the shared table, and FB's list in priority order
            wait = Browser.signIn(browser, base, "cofacilitador.flujo");
            browser.findElement(By.id("navCaseTable")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("caseTable:table"), flow.code));
            WebElement row = browser.findElement(By.xpath("//tbody[@id='caseTable:table_data']/tr[.//a[text()='"
                    + flow.code + "']]"));
            assertThat(row.getText()).contains("N.F.").contains("FA").contains("45");
            Browser.screenshot(browser, "flow-3-case-table");

            browser.get(base + "waiting/lists.xhtml?program=" + flow.fb);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='listForm:entries_data'] > tr")));
            List<String> rows = browser.findElements(By.cssSelector("[id='listForm:entries_data'] > tr")).stream()
                    .map(WebElement::getText).toList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).contains("FL-0001").contains("70");
            assertThat(rows.get(1)).contains(flow.code).contains("45");
            assertThat(rows.get(2)).contains("FL-0002");
            Browser.screenshot(browser, "flow-4-waiting-list");
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-flow");
            throw e;
        } finally {
            browser.quit();
        }

        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", referral)).isEqualTo("WAITING");
        assertThat(TestDatabase.count("SELECT count(*) FROM waiting_entry WHERE referral_id = ? AND exited_at IS NULL",
                referral)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", flow.fb)).as("no slot taken")
                .isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = 'profesional.fa' AND n.link LIKE ?", "%" + referral)).as("the sender is told")
                .isPositive();
    }

    /** Comuna Flujo: created once per database; each run refers a new child. */
    private record Flow(long fb, long referredCase, String code) {

        static synchronized Flow create() throws SQLException {
            try (Connection c = TestDatabase.connect()) {
                c.setAutoCommit(false);
                c.createStatement().execute("SELECT pg_advisory_xact_lock(990601)");
                LocalDate today = LocalDate.now(ZONE);
                Long comuna = id(c, "SELECT id FROM comuna WHERE code = '99601'");
                if (comuna == null) {
                    comuna = id(c, "INSERT INTO comuna (code, name, region) VALUES ('99601', 'Comuna Flujo', 'Región Demo')"
                            + " RETURNING id");
                    long fa = program(c, comuna, "FA", 10, 3);
                    long fb = program(c, comuna, "FB", 2, 2);
                    waiting(c, comuna, fb, "FL-0001", "Ana", today.minusYears(3).minusDays(20), 60, true);
                    waiting(c, comuna, fb, "FL-0002", "Beto", today.minusYears(15).minusDays(20), 10, false);
                    user(c, "profesional.fa", "PROFESIONAL", comuna, fa);
                    user(c, "profesional.fb", "PROFESIONAL", comuna, fb);
                    user(c, "cofacilitador.flujo", "COFACILITADOR", comuna, null);
                }
                long fa = id(c, "SELECT id FROM program WHERE comuna_id = ? AND acronym = 'FA'", comuna);
                long fb = id(c, "SELECT id FROM program WHERE comuna_id = ? AND acronym = 'FB'", comuna);
                String code = "FL-" + (1000 + id(c, "SELECT count(*) FROM case_file WHERE comuna_id = ?", comuna));
                long caseId = caseFile(c, comuna, code, "Nicolás", today.minusYears(8).minusDays(40));
                id(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?, ?)"
                        + " RETURNING id", comuna, caseId, fa, today.minusDays(90));
                id(c, "INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, source, raised_by) VALUES"
                        + " (?, ?, 'NEGLECT', 'HIGH', 'ACCESS', 'profesional.fa') RETURNING id", comuna, caseId);
                c.commit();
                return new Flow(fb, caseId, code);
            }
        }

        private static long program(Connection c, long comuna, String acronym, int slots, int occupied)
                throws SQLException {
            return id(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied, min_age, max_age)"
                    + " VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', ?, ?, 0, 17) RETURNING id", comuna, acronym,
                    "Programa " + acronym, slots, occupied);
        }

        private static long caseFile(Connection c, long comuna, String code, String name, LocalDate birth)
                throws SQLException {
            long child = id(c, "INSERT INTO child (comuna_id, no_run_reason, given_names, paternal_surname, birth_date,"
                    + " sex) VALUES (?, 'Sin RUN (prueba)', ?, 'Flujo', ?, 'M') RETURNING id", comuna, name, birth);
            return id(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?, ?) RETURNING id",
                    comuna, code, child, LocalDate.now(ZONE).minusDays(100));
        }

        private static void waiting(Connection c, long comuna, long program, String code, String name, LocalDate birth,
                                    int daysAgo, boolean court) throws SQLException {
            long caseId = caseFile(c, comuna, code, name, birth);
            OffsetDateTime entered = LocalDate.now(ZONE).minusDays(daysAgo).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
            long referral = id(c, "INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state, reason,"
                    + " sent_at, due_on, court_ordered) VALUES (?, ?, 'Tribunal de Familia', ?, 'WAITING', 'Prueba', ?, ?, ?)"
                    + " RETURNING id", comuna, caseId, program, entered, entered.toLocalDate().plusDays(14), court);
            id(c, "INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, entered_at, court_ordered)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", comuna, program, caseId, referral, entered, court);
        }

    }
}
