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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The referral pages as people meet them: the inbox, a referral's history, sending and answering in Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferralPagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        ReferralFixture.ensure();
    }

    private static String code(long caseId) {
        return (String) TestDatabase.value("SELECT code FROM case_file WHERE id = ?", caseId);
    }

    @Test
    void theInboxListsAnOverdueReferralItsPageShowsTheHistoryAndTheExportIsAudited() {
        long caseId = ReferralFixture.newCase("DRA");
        long id = ReferralFixture.referral(caseId, "DRA", "DRB", "SENT", LocalDate.now(ReferralFixture.ZONE).minusDays(1));
        WebClient web = new WebClient(base);
        web.signIn(ReferralFixture.RECEIVER, TestSession.DEMO_PASSWORD);

        HttpResponse<String> inbox = web.get("referrals/inbox.xhtml");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Recibidas por mi programa").contains(code(caseId)).contains("Vencida")
                .doesNotContain("Rojas");

        HttpResponse<String> page = web.get("referrals/referral.xhtml?id=" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Historial").contains("Enviada").contains("Recibida")
                .contains("Necesita intervención especializada").contains("A.R.S.");
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", id))
                .as("opened by the receiving program").isEqualTo("RECEIVED");

        long exportsBefore = TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT'"
                + " AND entity_type = 'REFERRAL' AND username = ?", ReferralFixture.RECEIVER);
        HttpResponse<byte[]> csv = web.download(web.get("referrals/inbox.xhtml"), "inbox", Map.of(), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(code(caseId)).contains("DRA");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'REFERRAL'"
                + " AND username = ?", ReferralFixture.RECEIVER)).isEqualTo(exportsBefore + 1);

        HttpResponse<byte[]> xlsx = web.download(web.get("referrals/inbox.xhtml"), "inbox", Map.of(), "exportXlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'REFERRAL'"
                + " AND username = ?", ReferralFixture.RECEIVER)).isEqualTo(exportsBefore + 2);

        // the co-facilitators' inbox holds every referral of the comuna, filtered in SQL
        long otherCase = ReferralFixture.newCase("DRA");
        ReferralFixture.referral(otherCase, "DRA", "DRB", "SENT", LocalDate.now(ReferralFixture.ZONE).plusDays(10));
        WebClient cofacilitator = new WebClient(base);
        cofacilitator.signIn("cofacilitador.opd", TestSession.DEMO_PASSWORD);
        assertThat(cofacilitator.get("referrals/inbox.xhtml").body()).contains("Todas las de la comuna");
        HttpResponse<String> filtered = cofacilitator.submit(cofacilitator.get("referrals/inbox.xhtml"), "inbox",
                Map.of("caseCode", code(caseId)), "apply");
        assertThat(filtered.body()).contains(code(caseId)).doesNotContain(code(otherCase));

        // the case page lists the case's referrals with a link to each, and offers to refer it
        HttpResponse<String> casePage = web.get("cases/case.xhtml?id=" + caseId);
        assertThat(casePage.body()).contains("caseReferrals").contains("referral.xhtml?id=" + id).contains("newReferral");

        // the sender's program was told the referral was received: the notice is in their portal inbox
        WebClient sender = new WebClient(base);
        sender.signIn(ReferralFixture.SENDER, TestSession.DEMO_PASSWORD);
        HttpResponse<String> notices = sender.get("notifications.xhtml");
        assertThat(notices.body()).contains("Derivación del caso " + code(caseId)).contains("recibida")
                .contains("unreadBadge");

        // a professional of a program never involved gets the not-found page, whatever the id
        WebClient pie = new WebClient(base);
        pie.signIn("profesional.pie", TestSession.DEMO_PASSWORD);
        assertThat(pie.get("referrals/referral.xhtml?id=" + id).body()).contains("no existe o no tiene acceso")
                .doesNotContain(code(caseId));
    }

    @Test
    void inChromiumAProfessionalRefersAChildAndTheReceivingProgramRejectsItWithAReason() throws Exception {
        long caseId = ReferralFixture.newCase("DRA");
        String code = code(caseId);
        long target = ReferralFixture.program("DRB");
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, ReferralFixture.SENDER);
            browser.get(base + "referrals/new.xhtml?case=" + caseId + "&to=" + target);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("eligibility")));
            assertThat(browser.findElement(By.id("eligibility")).getText()).contains("DRB").contains("cumple")
                    .contains("Vacantes:");
            Browser.screenshot(browser, "referral-new");

            // the preview follows the chosen target
            selectTarget(browser, "DRJ");
            try {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("eligibility"), "no recibe derivaciones"));
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(browser, "referral-target-change");
                browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                        .forEach(l -> System.out.println("BROWSER: " + l));
                throw e;
            }
            assertThat(browser.findElement(By.id("eligibility")).getText()).contains("tiene 10 años")
                    .contains("orden judicial").contains("fuera del territorio");
            selectTarget(browser, "DRB");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("eligibility"), "cumple los criterios"));

            browser.findElement(By.id("referralForm:send")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("referralForm"),
                    "Indique el motivo de la derivación."));
            assertThat(browser.findElement(By.id("referralForm")).getText()).contains("consentimiento de la familia");
            assertThat(TestDatabase.count("SELECT count(*) FROM referral WHERE case_id = ?", caseId)).isZero();

            browser.findElement(By.id("referralForm:reason")).sendKeys("Requiere intervención especializada");
            browser.findElement(By.cssSelector("[id='referralForm:consent'] .ui-chkbox-box")).click();
            browser.findElement(By.id("referralForm:send")).click();
            wait.until(ExpectedConditions.urlContains("referrals/referral.xhtml"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
            assertThat(browser.findElement(By.id("history")).getText()).contains("Enviada");
            assertThat(browser.findElement(By.id("eligibility")).getText())
                    .as("the referral itself is no reason against it").contains("cumple los criterios")
                    .doesNotContain("ya hay una derivación abierta");
            Browser.screenshot(browser, "referral-sent");
        } finally {
            browser.quit();
        }
        long id = TestDatabase.count("SELECT id FROM referral WHERE case_id = ?", caseId);
        assertThat(id).isPositive();

        browser = Browser.start();
        try {
            WebDriverWait wait = Browser.signIn(browser, base, ReferralFixture.RECEIVER);
            browser.get(base + "referrals/inbox.xhtml");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:table"), code));
            Browser.screenshot(browser, "referral-inbox");
            browser.get(base + "referrals/referral.xhtml?id=" + id);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("openReject"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("rejectForm:reject"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rejectForm"),
                    "Indique el motivo del rechazo."));
            assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", id)).isEqualTo("RECEIVED");

            browser.findElement(By.id("rejectForm:rejectReason")).sendKeys("No corresponde al perfil");
            browser.findElement(By.id("rejectForm:reject")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rejectionReason")));
            assertThat(browser.findElement(By.id("cardState")).getText()).contains("Rechazada");
            assertThat(browser.findElement(By.id("history")).getText()).contains("Recibida").contains("Rechazada");
            Browser.screenshot(browser, "referral-rejected");
        } finally {
            browser.quit();
        }
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", id)).isEqualTo("REJECTED");

        // the sender's mail goes out through the outbox to a real SMTP server, with the code and no name
        String subject = "Red Local: derivación " + code + " rechazada";
        jakarta.mail.internet.MimeMessage mail = waitForMail(subject, Duration.ofSeconds(120));
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(ReferralFixture.SENDER + "@demo.cl");
        assertThat(((String) mail.getContent())).contains(code).contains("A.R.S.").doesNotContain("Rojas")
                .contains("/referrals/referral.xhtml?id=" + id);
    }

    private static jakarta.mail.internet.MimeMessage waitForMail(String subject, Duration limit) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(limit);
        while (java.time.Instant.now().isBefore(deadline)) {
            for (jakarta.mail.internet.MimeMessage m : TestMailServer.server().getReceivedMessages()) {
                if (subject.equals(m.getSubject())) {
                    return m;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No mail '" + subject + "' within " + limit);
    }

    /** Chooses a target as the menu does when a person picks it (the change event, and its ajax preview). */
    private static void selectTarget(ChromeDriver browser, String acronym) {
        // selectValue alone is silent; a person's pick goes on to triggerChange, which fires the ajax preview
        browser.executeScript("var menu = PF('targetMenu'); menu.selectValue(arguments[0]); menu.triggerChange();",
                String.valueOf(ReferralFixture.program(acronym)));
    }
}
