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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnosis pages over HTTP as a professional meets them: complementing, and the reason beside its field. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiagnosisPagesIT {

    private static final Pattern SCORE = Pattern.compile("name=\"diagnosis:(dims:\\d+:items:\\d+:score)\"");

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        DiagnosisFixture.ensure();
    }

    @Test
    void aProfessionalOfAnotherProgramSeesTheExistingDiagnosisAndComplementsItThroughThePage() {
        DiagnosisFixture.Program first = DiagnosisFixture.program();
        DiagnosisFixture.Program second = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(first, second);
        long diagnosis = DiagnosisFixture.diagnosis(caseId, first);
        WebClient web = new WebClient(base);
        web.signIn(second.professional(), TestSession.DEMO_PASSWORD);

        HttpResponse<String> overview = web.get("diagnosis/diagnosis.xhtml?case=" + caseId);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("id=\"existingWho\"").contains("Persona " + first.professional())
                .contains("(" + first.acronym() + ")").contains("id=\"toComplement\"")
                .doesNotContain("name=\"diagnosis:dims:0:items:0:score\"");

        HttpResponse<String> form = web.get("diagnosis/diagnosis.xhtml?case=" + caseId + "&mode=complement");
        assertThat(form.body()).contains("name=\"diagnosis:lines:1:text\"");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lines:1:text", "Rezago lector detectado por el programa");
        fields.put("lines:1:score", "2");
        fields.put("lines:1:note", "Apoyo en aula");
        fields.put("complementSummary", "Complemento educativo");
        HttpResponse<String> saved = web.submit(form, "diagnosis", fields, "saveComplement");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Complemento guardado").contains("Rezago lector detectado por el programa")
                .contains(second.acronym());
        assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis_complement c JOIN diagnosis_complement_entry e"
                + " ON e.complement_id = c.id JOIN diagnosis_dimension d ON d.id = e.dimension_id WHERE c.diagnosis_id = ?"
                + " AND c.program_id = ? AND d.code = 'EDUCATION' AND e.score = 2", diagnosis, second.id())).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis WHERE case_id = ?", caseId))
                .as("complemented, not repeated").isEqualTo(1);

        // the case page's section shows the current diagnosis with the complement
        HttpResponse<String> casePage = web.get("cases/case.xhtml?id=" + caseId);
        assertThat(casePage.body()).contains("id=\"caseDiagnosis\"").contains("Rezago lector detectado por el programa");
    }

    @Test
    void aNewFullDiagnosisWithinSixMonthsShowsTheSpanishMessageBesideTheMissingReasonAndSavesNothing() {
        DiagnosisFixture.Program first = DiagnosisFixture.program();
        DiagnosisFixture.Program second = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(first, second);
        DiagnosisFixture.diagnosis(caseId, first);
        WebClient web = new WebClient(base);
        web.signIn(second.professional(), TestSession.DEMO_PASSWORD);

        HttpResponse<String> form = web.get("diagnosis/diagnosis.xhtml?case=" + caseId + "&mode=full");
        assertThat(form.body()).contains("name=\"diagnosis:reason\"");
        Set<String> scores = new LinkedHashSet<>();
        Matcher m = SCORE.matcher(form.body());
        while (m.find()) {
            scores.add(m.group(1));
        }
        assertThat(scores).hasSizeGreaterThanOrEqualTo(18);
        Map<String, String> fields = new LinkedHashMap<>();
        scores.forEach(s -> fields.put(s, "3"));
        String skipped = scores.iterator().next();
        fields.remove(skipped);
        HttpResponse<String> answer = web.submit(form, "diagnosis", fields, "complete");
        String html = answer.body();

        int reasonField = html.indexOf("name=\"diagnosis:reason\"");
        int reasonMessage = html.indexOf("Indique el motivo: el diagn");
        int firstScore = html.indexOf("name=\"diagnosis:dims:0:items:0:score\"");
        assertThat(reasonField).isPositive();
        assertThat(reasonMessage).as("the message sits beside the reason field").isGreaterThan(reasonField)
                .isLessThan(firstScore);
        assertThat(html).contains("menos de 6 meses");
        // the unscored item has its own message, right after its radio buttons
        int skippedAt = html.lastIndexOf("name=\"diagnosis:" + skipped + "\"");
        int itemMessage = html.indexOf("Asigne un puntaje a este", skippedAt);
        int nextNote = html.indexOf("name=\"diagnosis:" + skipped.replace(":score", ":note") + "\"");
        assertThat(itemMessage).isGreaterThan(skippedAt).isLessThan(nextNote);
        assertThat(TestDatabase.count("SELECT count(*) FROM diagnosis WHERE case_id = ?", caseId)).isEqualTo(1);
    }

    @Test
    void theComparePageShowsTheAveragePerDimensionBeforeAndAfterWithAChartAndTheChangedItems() {
        DiagnosisFixture.Program program = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(program);
        DiagnosisFixture.diagnosis(caseId, program);                 // version 1: every item 2
        DiagnosisFixture.diagnosis(caseId, program, "HEALTH=4");     // version 2: health 4
        WebClient web = new WebClient(base);
        web.signIn(program.professional(), TestSession.DEMO_PASSWORD);

        String html = web.get("diagnosis/compare.xhtml?case=" + caseId).body();
        Matcher health = Pattern.compile("<tr class=\"dimension-HEALTH\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(health.find()).isTrue();
        assertThat(health.group(1)).containsPattern("class=\"before\">2[,.]00<").containsPattern("class=\"after\">4[,.]00<");
        Matcher family = Pattern.compile("<tr class=\"dimension-FAMILY\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(family.find()).isTrue();
        assertThat(family.group(1)).containsPattern("class=\"before\">2[,.]00<").containsPattern("class=\"after\">2[,.]00<");
        assertThat(html).contains("id=\"chart\"").contains("id=\"itemTable\"");
        // the case page links to the comparison once there are two versions
        assertThat(web.get("cases/case.xhtml?id=" + caseId).body()).contains("id=\"compareDiagnosis\"");
    }

    @Test
    void theInstrumentPageIsForTheCoordinatorWhoseDraftRefusesAScaleWithoutALabelPerLevel() {
        WebClient professional = new WebClient(base);
        professional.signIn(DiagnosisFixture.program().professional(), TestSession.DEMO_PASSWORD);
        assertThat(professional.get("diagnosis/instrument.xhtml").statusCode()).isEqualTo(403);

        WebClient web = new WebClient(base);
        web.signIn(DiagnosisFixture.COORDINATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("diagnosis/instrument.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"history\"");
        if (!page.body().contains("name=\"draft:dims:0:items:0:labels\"")) {
            page = web.submit(page, "start", Map.of(), "edit");
        }
        assertThat(page.body()).contains("name=\"draft:dims:0:items:0:labels\"");
        Object draftVersion = TestDatabase.value("SELECT version FROM diagnosis_instrument WHERE comuna_id = ? AND state = 'DRAFT'",
                DiagnosisFixture.comunaId());
        HttpResponse<String> answer = web.submit(page, "draft", Map.of("dims:0:items:0:labels", "Bajo|Alto"), "save");
        assertThat(answer.body()).contains("necesita 4 etiquetas");
        assertThat(TestDatabase.value("SELECT version FROM diagnosis_instrument WHERE comuna_id = ? AND state = 'DRAFT'",
                DiagnosisFixture.comunaId())).as("nothing saved").isEqualTo(draftVersion);
    }

    @Test
    void inChromiumAProfessionalNotInvolvedFindsNoDiagnosisAndAnInvolvedOneSeesTheComparisonChartDrawn() {
        DiagnosisFixture.Program holder = DiagnosisFixture.program();
        DiagnosisFixture.Program outsider = DiagnosisFixture.program();
        long caseId = DiagnosisFixture.caseOf(holder);
        DiagnosisFixture.diagnosis(caseId, holder);
        DiagnosisFixture.diagnosis(caseId, holder, "INCOME=3");

        WebClient other = new WebClient(base);
        other.signIn(outsider.professional(), TestSession.DEMO_PASSWORD);
        String denied = other.get("diagnosis/diagnosis.xhtml?case=" + caseId).body();
        assertThat(denied).contains("id=\"notFound\"").doesNotContain("Persona " + holder.professional());

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("login:username")).sendKeys(holder.professional());
            browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.urlContains("index.xhtml"));
            browser.get(base + "cases/case.xhtml?id=" + caseId);
            browser.findElement(By.id("compareDiagnosis")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='chart'] canvas")));
            assertThat(browser.findElement(By.cssSelector("tr.dimension-INCOME")).getText()).containsPattern("2[,.]00")
                    .containsPattern("3[,.]00");
            Browser.screenshot(browser, "diagnosis-compare");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "failed-diagnosis-compare");
            throw e;
        } finally {
            browser.quit();
        }
    }
}
