package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static cl.redlocal.portal.it.PrivacyFixture.ADMIN;
import static cl.redlocal.portal.it.PrivacyFixture.COFACILITATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-rights pages over HTTP: the administrator's retention page and incident register (a window that
 * ends before it starts gets the Spanish message beside the field and records nothing; a good one shows its
 * counts and drafted notices); the access report on a child's page; the administrator's pages closed to a
 * co-facilitator.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivacyAdminPagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        PrivacyFixture.ensure();
    }

    @Test
    void theAdministratorRecordsAnIncidentAndSeesTheRetentionPage() {
        WebClient web = new WebClient(base);
        web.signIn(ADMIN, TestSession.DEMO_PASSWORD);
        HttpResponse<String> retention = web.get("privacy/retention.xhtml");
        assertThat(retention.statusCode()).isEqualTo(200);
        assertThat(retention.body()).contains("Plazo de conservación");

        String account = "pagina" + System.nanoTime() % 1_000_000;
        HttpResponse<String> page = web.get("privacy/incidents.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = web.submit(page, "incidentForm", Map.of("from", "07-12-2026 10:00",
                "to", "07-12-2026 09:00", "accounts", account, "whatHappened", "Prueba", "measures", ""), "record");
        assertThat(refused.body()).contains("El término del período debe ser posterior a su inicio");
        assertThat(TestDatabase.count("SELECT count(*) FROM privacy_incident WHERE accounts = ?", account)).isZero();

        HttpResponse<String> saved = web.submit(page, "incidentForm", Map.of("from", "06-12-2026 10:00",
                "to", "07-12-2026 09:00", "accounts", account, "whatHappened", "Cuenta prestada", "measures",
                "Contraseña cambiada"), "record");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(TestDatabase.count("SELECT count(*) FROM privacy_incident WHERE accounts = ?", account)).isEqualTo(1);
        assertThat(saved.body()).contains("Cuenta prestada").contains("Borrador de aviso a la Agencia");
    }

    @Test
    void aCofacilitatorReadsTheAccessReportButNotTheAdministratorsPages() {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Reporte", null);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> first = web.get("privacy/child.xhtml?case=" + rich.theCase().id());
        assertThat(web.download(first, "rightsForm", Map.of("reason", "Solicitud de la familia"), "exportJson")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> page = web.get("privacy/child.xhtml?case=" + rich.theCase().id());
        HttpResponse<String> report = web.submit(page, "accessForm", Map.of(), "showAccesses");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("accessForm").contains(COFACILITATOR).contains("EXPORT");
        HttpResponse<String> blocked = web.submit(report, "rightsForm", Map.of("reason", "Pedido de la familia"), "block");
        assertThat(blocked.statusCode()).isEqualTo(200);
        HttpResponse<String> blocks = web.get("privacy/blocked.xhtml");
        assertThat(blocks.statusCode()).isEqualTo(200);
        assertThat(blocks.body()).contains(rich.theCase().code()).contains("Pedido de la familia").contains("Vigente");
        assertThat(web.get("privacy/incidents.xhtml").statusCode()).isEqualTo(403);
        assertThat(web.get("privacy/retention.xhtml").statusCode()).isEqualTo(403);
    }
}
