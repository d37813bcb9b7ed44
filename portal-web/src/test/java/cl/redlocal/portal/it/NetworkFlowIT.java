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
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 end to end in headless Chromium: a co-facilitator drafts a suicide-risk protocol (a step without a
 * responsible is refused with the Spanish message beside the field), puts it on the agenda of the session that
 * began an hour ago and approves it there; then a LICEO professional referring a child to the CESFAM sees the
 * protocol's steps and deadlines in the referral form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NetworkFlowIT {

    @ArquillianResource
    URL base;

    @Test
    void aCoFacilitatorDraftsTheSuicideRiskProtocolTheSessionApprovesItAndTheLiceoSeesItsStepsWhenReferringToCesfam() {
        NetworkFixture.ensure();
        long table = NetworkFixture.table(NetworkFixture.COMUNA);
        long session = NetworkFixture.session(table, -1, "CONVENED");
        long liceo = NetworkFixture.programId(NetworkFixture.COMUNA, "LICEO");
        long cesfam = NetworkFixture.programId(NetworkFixture.COMUNA, "CESFAM");
        long caseId = NetworkFixture.sql("WITH ch AS (INSERT INTO child (comuna_id, no_run_reason, given_names,"
                + " paternal_surname, maternal_surname, birth_date, sex) VALUES (?, 'Sin RUN (prueba)', 'Rosa', 'Flujo',"
                + " 'Red', current_date - 5000, 'F') RETURNING id, comuna_id) INSERT INTO case_file (comuna_id, code,"
                + " child_id, opened_on) SELECT comuna_id, ?, id, current_date - 30 FROM ch RETURNING id",
                NetworkFixture.comunaId(NetworkFixture.COMUNA), NetworkFixture.unique("RF-"));
        NetworkFixture.sql("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) SELECT comuna_id,"
                + " id, ?, current_date - 30 FROM case_file WHERE id = ? RETURNING id", liceo, caseId);
        String title = NetworkFixture.unique("Riesgo suicida: liceo → CESFAM → COSAM ");
        String review = LocalDate.now(ZoneId.of("America/Santiago")).plusMonths(6)
                .format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));

        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, NetworkFixture.COFACILITATOR);
            browser.get(base + "mgc/network/protocol.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("protocolForm:title"))).sendKeys(title);
            browser.findElement(By.id("protocolForm:purpose")).sendKeys("Abordaje coordinado del riesgo suicida en estudiantes");
            browser.findElement(By.id("protocolForm:reviewOn_input")).sendKeys(review);
            for (WebElement box : browser.findElements(By.cssSelector("[id='protocolForm:programIds'] label"))) {
                if (box.getText().startsWith("LICEO") || box.getText().startsWith("CESFAM") || box.getText().startsWith("COSAM")) {
                    box.click();
                }
            }
            browser.findElement(By.id("protocolForm:steps:0:action")).sendKeys("Detecta, contiene y avisa a la familia");
            browser.findElement(By.id("protocolForm:steps:0:deadline")).sendKeys("24");
            new Select(browser.findElement(By.id("protocolForm:steps:0:unit"))).selectByValue("HOURS");
            browser.findElement(By.id("protocolForm:save")).click();
            // the step has no responsible: the Spanish message beside the field, nothing saved
            WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id='protocolForm:steps:0:responsible'] ~ .ui-message-error, .ui-message-error")));
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("Cada paso necesita un responsable: indique quién lo hace.");
            assertThat(message.isDisplayed()).isTrue();
            Browser.screenshot(browser, "net-protocol-invalid");

            browser.findElement(By.id("protocolForm:steps:0:responsible")).sendKeys("Encargado/a de convivencia escolar");
            browser.findElement(By.id("protocolForm:addStep")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("protocolForm:steps:1:responsible")))
                    .sendKeys("CESFAM (sector)");
            browser.findElement(By.id("protocolForm:steps:1:action")).sendKeys("Evalúa el riesgo suicida");
            browser.findElement(By.id("protocolForm:steps:1:deadline")).sendKeys("48");
            new Select(browser.findElement(By.id("protocolForm:steps:1:unit"))).selectByValue("HOURS");
            browser.findElement(By.id("protocolForm:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "Borrador"));

            // the session that began an hour ago: the protocol on its agenda, approved there
            new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agendaForm:agendaSessionId"))))
                    .selectByValue(String.valueOf(session));
            browser.findElement(By.id("agendaForm:putOnAgenda")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("agendaForm:approve"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "Aprobado"));
            assertThat(browser.findElement(By.id("protocolState")).getText()).contains("versión 1");
            Browser.screenshot(browser, "net-protocol-approved");
            browser.get(base + "mgc/agenda.xhtml?session=" + session);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agendaProtocols"), title));
            Browser.signOut(browser, wait);

            // the LICEO professional refers the child to the CESFAM and sees the steps
            wait = Browser.signIn(browser, base, NetworkFixture.LICEO_PROFESSIONAL);
            browser.get(base + "referrals/new.xhtml?case=" + caseId + "&to=" + cesfam);
            WebElement protocols = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("protocols")));
            assertThat(protocols.getText()).contains(title, "Encargado/a de convivencia escolar", "24 horas",
                    "CESFAM (sector)", "48 horas");
            Browser.screenshot(browser, "net-referral-protocol");
        } finally {
            browser.quit();
        }
    }
}
