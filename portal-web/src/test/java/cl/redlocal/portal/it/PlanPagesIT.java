package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan, accompaniment and overdue pages as served to a browser, and the plan's PDF. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanPagesIT {

    @ArquillianResource
    URL base;

    private final LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));

    @BeforeEach
    void fixture() {
        PlanFixture.ensure();
    }

    private Map<String, String> action(long goal, String description, long program, LocalDate starts, LocalDate due,
                                       String status, String progress) {
        Map<String, String> fields = new HashMap<>();
        fields.put("goalId", String.valueOf(goal));
        fields.put("description", description);
        fields.put("programId", String.valueOf(program));
        fields.put("responsibleUserId", "");
        fields.put("responsibleName", "Orientadora del colegio");
        fields.put("startsOn", starts.toString());
        fields.put("dueOn", due.toString());
        fields.put("status", status);
        fields.put("progress", progress);
        return fields;
    }

    @Test
    void twoProgramsAddActionsTheOverdueOneIsHighlightedAndThePdfIsAnAuditedExport() {
        long k4 = PlanFixture.caseId("P-0004");
        String tag = "W" + System.nanoTime();
        WebClient pa = new WebClient(base);
        pa.signIn(PlanFixture.PA, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = pa.get("plan/plan.xhtml?case=" + k4);
        assertThat(page.statusCode()).isEqualTo(200);
        page = pa.submit(page, "goalForm", Map.of("dimension", "EDUCATION", "description", "Meta " + tag), "save");
        assertThat(page.body()).contains("Meta " + tag);
        long goal = ((Number) TestDatabase.value("SELECT id FROM plan_goal WHERE description = ?", "Meta " + tag))
                .longValue();

        // bad input: a Spanish message beside the field, nothing saved
        HttpResponse<String> refused = pa.submit(page, "actionForm", action(goal, "Fechas " + tag,
                PlanFixture.programId("PA"), today, today.minusDays(3), "PENDING", "0"), "save");
        assertThat(refused.body()).contains("La fecha de término no puede ser anterior a la de inicio.");
        HttpResponse<String> outOfRange = pa.submit(refused, "actionForm", action(goal, "Fechas " + tag,
                PlanFixture.programId("PA"), today, today, "PENDING", "150"), "save");
        assertThat(outOfRange.body()).contains("El avance va de 0 a 100 %.");
        assertThat(TestDatabase.count("SELECT count(*) FROM plan_action WHERE description = ?", "Fechas " + tag))
                .isZero();

        pa.submit(page, "actionForm", action(goal, "Acción PA " + tag, PlanFixture.programId("PA"),
                today.minusDays(20), today.minusDays(2), "IN_PROGRESS", "30"), "save");
        long paAction = ((Number) TestDatabase.value("SELECT id FROM plan_action WHERE description = ?",
                "Acción PA " + tag)).longValue();

        WebClient pb = new WebClient(base);
        pb.signIn(PlanFixture.PB, TestSession.DEMO_PASSWORD);
        HttpResponse<String> pbPage = pb.get("plan/plan.xhtml?case=" + k4);
        pbPage = pb.submit(pbPage, "actionForm", action(goal, "Acción PB " + tag, PlanFixture.programId("PB"), today,
                today.plusDays(30), "PENDING", "0"), "save");
        long pbAction = ((Number) TestDatabase.value("SELECT id FROM plan_action WHERE description = ?",
                "Acción PB " + tag)).longValue();
        assertThat(TestDatabase.value("SELECT p.acronym FROM plan_action a JOIN program p ON p.id = a.program_id"
                + " WHERE a.id = ?", pbAction)).isEqualTo("PB");

        String html = pbPage.body();
        assertThat(html).contains("Acción PA " + tag, "Acción PB " + tag, "id=\"overdueCount\"");
        assertThat(html).contains("class=\"row-overdue\" id=\"action-" + paAction + "\"")
                .contains("<tr id=\"action-" + pbAction + "\"");

        assertThat(editButton(html, pbAction)).as("PB edits its own action").isNotNull();
        assertThat(editButton(html, paAction)).as("PB does not edit PA's action").isNull();

        String casePage = pb.get("cases/case.xhtml?id=" + k4).body();
        assertThat(casePage).contains("id=\"casePlan\"", "Acción PA " + tag, "row-overdue");

        long exports = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'PLAN'", PlanFixture.PB);
        HttpResponse<byte[]> pdf = pb.download(pbPage, "pdfForm", Map.of(), "pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'PLAN'", PlanFixture.PB)).isEqualTo(exports + 1);

        // PA marks its action done through the page's edit button
        HttpResponse<String> paPage = pa.get("plan/plan.xhtml?case=" + k4);
        HttpResponse<String> editing = pa.submit(paPage, "actions", Map.of(), editButton(paPage.body(), paAction));
        assertThat(editing.body()).contains("Editar acción", "Acción PA " + tag);
        pa.submit(editing, "actionForm", action(goal, "Acción PA " + tag, PlanFixture.programId("PA"),
                today.minusDays(20), today.minusDays(2), "DONE", "100"), "save");
        assertThat(TestDatabase.value("SELECT status FROM plan_action WHERE id = ?", paAction)).isEqualTo("DONE");
        String afterDone = pb.get("plan/plan.xhtml?case=" + k4).body();
        assertThat(afterDone).contains("<tr id=\"action-" + paAction + "\"").doesNotContain("class=\"row-overdue\" id=\"action-" + paAction + "\"");
        // and PB reviews the plan: every goal partly achieved
        pbPage = pb.get("plan/plan.xhtml?case=" + k4);
        Map<String, String> review = new HashMap<>(Map.of("reviewedOn", today.toString(), "reviewNotes", "Revisión " + tag));
        java.util.regex.Matcher selects = java.util.regex.Pattern.compile("name=\"reviewForm:(goals:\\d+:achieved)\"")
                .matcher(pbPage.body());
        while (selects.find()) {
            review.put(selects.group(1), "PARTLY");
        }
        pbPage = pb.submit(pbPage, "reviewForm", review, "save");
        assertThat(pbPage.body()).contains("Revisión " + tag, "Parcialmente");
        assertThat(TestDatabase.value("SELECT rg.achieved FROM plan_review_goal rg JOIN plan_review r ON r.id = rg.review_id"
                + " WHERE r.notes = ? AND rg.goal_id = ?", "Revisión " + tag, goal)).isEqualTo("PARTLY");
    }

    /** The name (without the form id) of the edit button in the row of this action, or null when there is none. */
    private static String editButton(String html, long actionId) {
        int row = html.indexOf("id=\"action-" + actionId + "\"");
        int end = html.indexOf("</tr>", row);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"actions:([^\"]*:edit)\"")
                .matcher(html.substring(row, end));
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theOverdueListShowsTheProgramsOverdueActionsAndExportsThemAudited() {
        WebClient pb = new WebClient(base);
        pb.signIn(PlanFixture.PB, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = pb.get("plan/overdue.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("A4", "P-0001").doesNotContain(">A1<").doesNotContain("Pedro");

        long exports = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'PLAN_ACTION'", PlanFixture.PB);
        HttpResponse<byte[]> csv = pb.download(page, "overdue", Map.of(), "exportCsv");
        String lines = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(lines).contains("\"A4\"", "P-0001 P.P.").doesNotContain("\"A1\"");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'PLAN_ACTION'", PlanFixture.PB)).isEqualTo(exports + 1);
    }

    @Test
    void aCofacilitatorStartsAnAccompanimentAndLogsASession() {
        WebClient co = new WebClient(base);
        co.signIn(PlanFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = co.get("plan/accompaniment.xhtml?case=" + PlanFixture.caseId("P-0006"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("PL-F4");
        if (page.body().contains("id=\"notAccompanied\"")) {
            HttpResponse<String> noResponsible = co.submit(page, "planForm", Map.of("responsibleUserId", "",
                    "startedOn", today.toString(), "goals", "", "agreedActions", "", "familyGoals", ""), "save");
            assertThat(noResponsible.body()).contains("Elija el o la profesional responsable.");
            page = co.submit(page, "planForm", Map.of("responsibleUserId",
                    String.valueOf(PlanFixture.userId(PlanFixture.PA)), "startedOn", today.minusDays(10).toString(),
                    "goals", "Rutinas de cuidado", "agreedActions", "Visitas semanales", "familyGoals",
                    "Mudarse a una casa propia"), "save");
            assertThat(page.body()).contains("Persona " + PlanFixture.PA).doesNotContain("id=\"notAccompanied\"");
        }
        String tag = "Visita " + System.nanoTime();
        page = co.submit(page, "sessionForm", Map.of("heldOn", today.minusDays(1).toString(), "kind", "HOME_VISIT",
                "attendees", tag, "notes", "Buena disposición", "nextStep", "Llamar el lunes"), "save");
        assertThat(page.body()).contains(tag, "Visita domiciliaria", "Llamar el lunes");
        assertThat(TestDatabase.value("SELECT last_contact_on FROM family_last_contact WHERE family_id = ?",
                PlanFixture.familyId("PL-F4"))).hasToString(today.minusDays(1).toString());
    }

    @Test
    void theCofacilitatorEndsAnAccompanimentWithAReasonAndTheSpanishMessageWithoutOne() throws Exception {
        long family;
        try (java.sql.Connection c = TestDatabase.connect()) {
            String code = "PL-E" + System.nanoTime() % 1_000_000;
            family = FixtureSql.insert(c, "INSERT INTO family (comuna_id, code, surname) SELECT id, ?, 'Término'"
                    + " FROM comuna WHERE code = '99801' RETURNING id", code);
            long child = FixtureSql.insert(c, "INSERT INTO child (comuna_id, family_id, no_run_reason, given_names,"
                    + " paternal_surname, birth_date, sex) SELECT comuna_id, id, 'Sin RUN (prueba)', 'Elena', 'Término',"
                    + " current_date - 3000, 'F' FROM family WHERE id = ? RETURNING id", family);
            long kase = FixtureSql.insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) SELECT comuna_id,"
                    + " ?, id, current_date - 60 FROM child WHERE id = ? RETURNING id", code, child);
            FixtureSql.insert(c, "INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) SELECT comuna_id,"
                    + " id, ?, current_date - 60 FROM case_file WHERE id = ? RETURNING id", PlanFixture.programId("PA"), kase);
            FixtureSql.insert(c, "INSERT INTO accompaniment (comuna_id, family_id, responsible_user_id, started_on,"
                    + " started_by) SELECT comuna_id, id, ?, current_date - 30, 'fixture' FROM family WHERE id = ? RETURNING id",
                    PlanFixture.userId(PlanFixture.PA), family);
        }
        WebClient co = new WebClient(base);
        co.signIn(PlanFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = co.get("plan/accompaniment.xhtml?family=" + family);
        assertThat(page.body()).contains("endForm:end");

        HttpResponse<String> refused = co.submit(page, "endForm", Map.of("endedOn", today.toString(), "reason", ""), "end");
        assertThat(refused.body()).contains("Indique por qué termina el acompañamiento.");
        assertThat(TestDatabase.value("SELECT ended_on FROM accompaniment WHERE family_id = ?", family)).isNull();

        HttpResponse<String> ended = co.submit(refused, "endForm", Map.of("endedOn", today.toString(),
                "reason", "La familia cambió de domicilio a otra región"), "end");
        assertThat(ended.body()).contains("El acompañamiento terminó.", "Acompañamientos anteriores",
                "La familia cambió de domicilio a otra región", "id=\"notAccompanied\"").doesNotContain("endForm:end");
        assertThat(TestDatabase.value("SELECT ended_by FROM accompaniment WHERE family_id = ?", family))
                .isEqualTo(PlanFixture.COFACILITATOR);
    }

    @Test
    void aProgramOutsideTheCaseGetsNotFound() {
        WebClient pc = new WebClient(base);
        pc.signIn(PlanFixture.PC, TestSession.DEMO_PASSWORD);
        // what the page shows, without its scripts: a random CSP nonce may spell "A1"
        String page = pc.get("plan/plan.xhtml?case=" + PlanFixture.caseId("P-0001")).body()
                .replaceAll("(?s)<script.*?</script>", "");
        assertThat(page).contains("id=\"notFound\"").doesNotContain("A1").doesNotContain("Pedro");
        assertThat(pc.get("plan/accompaniment.xhtml?family=" + PlanFixture.familyId("PL-F1")).body())
                .contains("id=\"notFound\"");
    }

    @Test
    void inChromiumTheOverdueActionIsShadedAndTheNavigationLeadsToTheOverdueList() {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("login:username")).sendKeys(PlanFixture.PB);
            browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.urlContains("index.xhtml"));

            browser.get(base + "plan/plan.xhtml?case=" + PlanFixture.caseId("P-0001"));
            String overdue = browser.findElement(By.cssSelector("#action-" + PlanFixture.actionId("A1") + " td"))
                    .getCssValue("background-color");
            String onTime = browser.findElement(By.cssSelector("#action-" + PlanFixture.actionId("A2") + " td"))
                    .getCssValue("background-color");
            Browser.screenshot(browser, "plan-overdue");
            assertThat(overdue).isEqualTo("rgba(255, 245, 244, 1)");
            assertThat(onTime).isNotEqualTo(overdue);
            assertThat(browser.findElement(By.id("overdueCount")).getText()).contains("acciones atrasadas");

            browser.findElement(By.id("navPlanOverdue")).click();
            wait.until(ExpectedConditions.urlContains("plan/overdue.xhtml"));
            assertThat(browser.findElement(By.id("overdue:table")).getText()).contains("A4", "P-0001");
        } finally {
            browser.quit();
        }
    }

    /** Issue 16, defect 3: an action ending before it starts is refused beside the end date, the typed text kept. */
    @Test
    void inChromiumAnActionEndingBeforeItStartsIsExplainedBesideTheEndDate() {
        long k1 = PlanFixture.caseId("P-0001");
        String tag = "d3" + System.nanoTime();
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, PlanFixture.PA);
            browser.get(base + "plan/plan.xhtml?case=" + k1);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("actionForm:goalId")))
                    .selectByIndex(1);
            browser.findElement(By.id("actionForm:description")).sendKeys("Fechas " + tag);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("actionForm:programId")))
                    .selectByValue(String.valueOf(PlanFixture.programId("PA")));
            browser.findElement(By.id("actionForm:responsibleName")).sendKeys("Orientadora");
            // what the date pickers submit: ISO days, the end before the start
            browser.executeScript("document.getElementById('actionForm:startsOn').value = arguments[0];"
                    + "document.getElementById('actionForm:dueOn').value = arguments[1];",
                    today.toString(), today.minusDays(3).toString());
            browser.findElement(By.id("actionForm:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("actionForm"),
                    "La fecha de término no puede ser anterior a la de inicio."));
            Browser.screenshot(browser, "plan-action-dates");
            assertThat(browser.getCurrentUrl()).as("the page keeps its case").contains("case=" + k1);
            assertThat(browser.findElement(By.id("actionForm:description")).getDomProperty("value"))
                    .isEqualTo("Fechas " + tag);
            assertThat(TestDatabase.count("SELECT count(*) FROM plan_action WHERE description = ?", "Fechas " + tag))
                    .isZero();
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-plan-action-dates");
            throw e;
        } finally {
            browser.quit();
        }
    }
}
