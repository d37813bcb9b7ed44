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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 end to end in headless Chromium: a professional complements the case's existing diagnosis
 * (made by another program) instead of starting a new one, adds a goal and an action of their program to
 * the integrated plan; the other program's professional adds an action of theirs to the same plan; the
 * first action is overdue, so when the co-facilitator runs the alert rules a PLAN_OVERDUE alert appears on
 * the case, and the co-facilitator sends it to the next session's agenda with one click.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiagnosisPlanAlertFlowIT {

    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    @ArquillianResource
    URL base;

    @Test
    void aComplementedDiagnosisAPlanOfTwoProgramsAndAnOverdueActionSentToTheNextSessionsAgenda() throws Exception {
        DiagnosisFixture.ensure();
        DiagnosisFixture.Program first = DiagnosisFixture.program();
        DiagnosisFixture.Program second = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(first, second);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, first);
        LocalDate today = LocalDate.now(ZONE);
        String tag = "F" + System.nanoTime() % 1_000_000;
        long nextSession = nextSessionOfTheTable();

        ChromeDriver browser = Browser.start();
        try {
            // 1. the second program's professional opens the case's diagnosis: the existing one is shown and complemented
            WebDriverWait wait = Browser.signIn(browser, base, second.professional());
            browser.get(base + "cases/case.xhtml?id=" + caseId);
            browser.findElement(By.id("openDiagnosis")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("existingWho")));
            assertThat(browser.findElement(By.id("existingWho")).getText()).contains("Persona " + first.professional());
            browser.findElement(By.id("toComplement")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diagnosis:lines:1:text")))
                    .sendKeys("Rezago lector " + tag);
            new Select(browser.findElement(By.id("diagnosis:lines:1:score"))).selectByValue("2");
            browser.findElement(By.id("diagnosis:complementSummary")).sendKeys("Complemento educativo " + tag);
            browser.findElement(By.id("diagnosis:saveComplement")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Complemento guardado"));
            assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis WHERE case_id = ?", caseId))
                    .as("complemented, not repeated").isEqualTo(1);
            assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis_complement WHERE diagnosis_id = ? AND program_id = ?",
                    diagnosis, second.id())).isEqualTo(1);

            // 2. the same professional adds a goal and an action of their program, already overdue
            browser.get(base + "cases/case.xhtml?id=" + caseId);
            browser.findElement(By.id("casePlanLink")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("goalForm:description")));
            new Select(browser.findElement(By.id("goalForm:dimension"))).selectByValue("EDUCATION");
            browser.findElement(By.id("goalForm:description")).sendKeys("Asistencia regular " + tag);
            browser.findElement(By.id("goalForm:save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("actionForm:description")));
            addAction(browser, wait, "Reunión con el colegio " + tag, second.id(), today.minusDays(30), today.minusDays(10));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("actions"), "Reunión con el colegio " + tag));
            Browser.signOut(browser, wait);

            // 3. the first program's professional adds their own action to the same plan and sees the overdue one
            wait = Browser.signIn(browser, base, first.professional());
            browser.get(base + "plan/plan.xhtml?case=" + caseId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("actionForm:description")));
            addAction(browser, wait, "Taller de crianza " + tag, first.id(), today, today.plusDays(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("actions"), "Taller de crianza " + tag));
            long overdueAction = ((Number) TestDatabase.value("SELECT id FROM plan_action WHERE description = ?",
                    "Reunión con el colegio " + tag)).longValue();
            assertThat(browser.findElement(By.id("action-" + overdueAction)).getAttribute("class")).contains("row-overdue");
            assertThat(TestDatabase.count("SELECT count(DISTINCT a.program_id) FROM plan_action a JOIN work_plan p"
                    + " ON p.id = a.plan_id WHERE p.case_id = ?", caseId)).as("one plan, two programs").isEqualTo(2);
            Browser.screenshot(browser, "flow5-plan");
            Browser.signOut(browser, wait);

            // 4. the co-facilitator runs the rules now: the overdue action raises its alert, shown on the case
            wait = Browser.signIn(browser, base, DiagnosisFixture.COFACILITATOR);
            browser.get(base + "alerts/rules.xhtml");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("rulesForm:runNow"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Reglas ejecutadas:"));
            assertThat(TestDatabase.count("SELECT count(*) FROM vulnerability_alert WHERE case_id = ? AND kind = 'PLAN_OVERDUE'"
                    + " AND cause_key = ?", caseId, "action:" + overdueAction)).isEqualTo(1);

            browser.get(base + "cases/case.xhtml?id=" + caseId);
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[@id='caseAlerts:alerts']//tr[contains(., 'Acción del plan vencida')]")));
            row.findElement(By.xpath(".//button[contains(@id, ':agenda')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "quedó en la agenda de la próxima sesión de la Mesa"));
            Browser.screenshot(browser, "flow5-agenda");
            assertThat(TestDatabase.count("SELECT count(*) FROM session_agenda_request r JOIN vulnerability_alert a"
                    + " ON a.id = r.alert_id WHERE a.case_id = ? AND a.kind = 'PLAN_OVERDUE' AND r.requested_by = ?",
                    caseId, DiagnosisFixture.COFACILITATOR)).isEqualTo(1);

            // 5. the table's next session takes it up when its agenda is prepared: the case is on it, code + initials
            String code = (String) TestDatabase.value("SELECT code FROM case_file WHERE id = ?", caseId);
            browser.get(base + "mgc/agenda.xhtml?session=" + nextSession);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending"))).getText())
                    .contains(code, "D.D.C.");
            browser.findElement(By.id("prepareForm:prepare")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("casesForm:cases"))).getText())
                    .contains(code, "D.D.C.").doesNotContain("Dana");
            assertThat(TestDatabase.value("SELECT r.session_id FROM session_agenda_request r JOIN vulnerability_alert a"
                    + " ON a.id = r.alert_id WHERE a.case_id = ? AND a.kind = 'PLAN_OVERDUE'", caseId)).isEqualTo(nextSession);
            assertThat(TestDatabase.value("SELECT origin FROM mgc_case_item WHERE session_id = ? AND case_id = ?",
                    nextSession, caseId)).isEqualTo("ALERT");
            Browser.screenshot(browser, "flow5-next-session");
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-flow5");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /** The comuna's table and its next session (two weeks ahead), created once per database. */
    private static long nextSessionOfTheTable() throws java.sql.SQLException {
        try (java.sql.Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            c.createStatement().execute("SELECT pg_advisory_xact_lock(990702)");
            long comuna = DiagnosisFixture.comunaId();
            Long table = FixtureSql.id(c, "SELECT id FROM mgc_table WHERE comuna_id = ?", comuna);
            if (table == null) {
                table = FixtureSql.insert(c, "INSERT INTO mgc_table (comuna_id, name, created_by) VALUES (?, 'Mesa Diagnóstico',"
                        + " 'fixture') RETURNING id", comuna);
            }
            Long session = FixtureSql.id(c, "SELECT id FROM mgc_session WHERE table_id = ? AND state = 'PLANNED'"
                    + " AND starts_at > now() ORDER BY starts_at LIMIT 1", table);
            if (session == null) {
                session = FixtureSql.insert(c, "INSERT INTO mgc_session (table_id, comuna_id, starts_at, ends_at, place,"
                        + " ical_uid, created_by) VALUES (?, ?, date_trunc('day', now()) + INTERVAL '14 days 12 hours',"
                        + " date_trunc('day', now()) + INTERVAL '14 days 15 hours', 'Sala municipal', ?, 'fixture')"
                        + " RETURNING id", table, comuna, "flow5-" + System.nanoTime() + "@redlocal");
            }
            c.commit();
            return session;
        }
    }

    private static void addAction(ChromeDriver browser, WebDriverWait wait, String description, long programId,
                                  LocalDate starts, LocalDate due) {
        new Select(browser.findElement(By.id("actionForm:goalId"))).selectByIndex(1); // the plan's one goal
        browser.findElement(By.id("actionForm:description")).sendKeys(description);
        new Select(browser.findElement(By.id("actionForm:programId"))).selectByValue(Long.toString(programId));
        browser.findElement(By.id("actionForm:responsibleName")).sendKeys("Equipo " + description.substring(0, 4));
        browser.executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                browser.findElement(By.id("actionForm:startsOn")), starts.toString(),
                browser.findElement(By.id("actionForm:dueOn")), due.toString());
        browser.findElement(By.id("actionForm:save")).click();
    }
}
