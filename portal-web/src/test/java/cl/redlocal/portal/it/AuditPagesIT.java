package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit page as an administrator reads it: actions and record types in words, not codes (issue 16, defect 7). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditPagesIT {

    @ArquillianResource
    URL base;

    @Test
    void theAuditPageNamesActionsAndRecordTypesInSpanish() {
        WebClient web = new WebClient(base);
        web.signIn("admin", TestSession.DEMO_PASSWORD);
        web.get("admin/users.xhtml"); // a LIST of USER rows, audited
        HttpResponse<String> page = web.get("admin/audit.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Inicio de sesión", ">Usuario<")
                .doesNotContain(">SIGN_IN<").doesNotContain(">USER<").doesNotContain(">READ<")
                .doesNotContain(">MGC_AGREEMENT<");
    }
}
