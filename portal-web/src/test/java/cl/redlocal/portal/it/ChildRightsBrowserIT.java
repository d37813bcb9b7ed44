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

import static cl.redlocal.portal.it.PrivacyFixture.COFACILITATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A co-facilitator in Chromium: from the case page to the child's data rights, an export without a reason
 * (the Spanish message beside the field), an export with one (audited), then a block: the case leaves the
 * case table.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChildRightsBrowserIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        PrivacyFixture.ensure();
    }

    @Test
    void aCofacilitatorExportsAndBlocksAChildsRecord() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Navegador", null);
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, COFACILITATOR);
            browser.get(base + "cases/case.xhtml?id=" + rich.theCase().id());
            browser.findElement(By.id("caseRightsLink")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rightsForm:reason")));

            browser.findElement(By.id("rightsForm:exportJson")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rightsForm"), "Indique el motivo"));

            browser.findElement(By.id("rightsForm:reason")).sendKeys("Solicitud escrita de la madre");
            browser.findElement(By.id("rightsForm:exportJson")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> TestDatabase.count("SELECT count(*) FROM"
                    + " audit_event WHERE username = ? AND action = 'EXPORT' AND entity_id = ?", COFACILITATOR,
                    String.valueOf(rich.childId())) == 1);

            browser.get(base + "privacy/child.xhtml?case=" + rich.theCase().id());
            browser.findElement(By.id("rightsForm:reason")).sendKeys("Pedido de bloqueo de la familia");
            browser.findElement(By.id("rightsForm:block")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("blockedState"), "está bloqueado"));
            Browser.screenshot(browser, "privacy-blocked");
            assertThat(browser.findElements(By.id("rightsForm:readBlocked"))).hasSize(1);

            browser.get(base + "cases/table.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("navCaseTable")));
            assertThat(browser.getPageSource()).doesNotContain(rich.theCase().code());
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "failed-privacy-flow");
            throw e;
        } finally {
            browser.quit();
        }
    }
}
