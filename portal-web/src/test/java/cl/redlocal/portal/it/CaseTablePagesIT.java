package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared case table and the case page as served to a browser, and the table's CSV export. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseTablePagesIT {

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        CaseTableFixture.ensure();
    }

    @Test
    void theTableListsTheVisibleCasesWithTheirFlagsAndExportsThemAsAnAuditedCsv() {
        WebClient web = new WebClient(base);
        web.signIn(CaseTableFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);

        HttpResponse<String> page = web.get("cases/table.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("T-0001", "T-0003", "row-flagged").doesNotContain("T-0005")
                .doesNotContain("Ana Tabla");

        long exports = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'CASE_TABLE'", CaseTableFixture.COFACILITATOR);
        HttpResponse<byte[]> csv = web.download(page, "caseTable", Map.of("status_input", "OPEN"), "exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String lines = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(lines.lines().filter(l -> !l.isBlank())).as("header and the four open cases").hasSize(5);
        assertThat(lines).contains("\"T-0001\"", "\"A.T.\"", "\"TA, TB, TC, TD\"").doesNotContain("Ana")
                .doesNotContain("T-0005");
        // the highest priority first, the day it began to wait as a day
        assertThat(lines.lines().skip(1).findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("\"T-0003\"")
                .containsPattern("\"\\d{2}-\\d{2}-\\d{4}\""));
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'CASE_TABLE'", CaseTableFixture.COFACILITATOR)).isEqualTo(exports + 1);
    }

    @Test
    void theCasePageShowsTheFlagsAndTheTrajectory() {
        WebClient web = new WebClient(base);
        web.signIn(CaseTableFixture.COFACILITATOR, TestSession.DEMO_PASSWORD);

        String k1 = web.get("cases/case.xhtml?id=" + CaseTableFixture.caseId("T-0001")).body();
        assertThat(k1).contains("id=\"flagChild\"", "id=\"flagFamily\"").doesNotContain("id=\"flagTrajectory\"");
        assertThat(k1).contains("4 programas a la vez");

        String k3 = web.get("cases/case.xhtml?id=" + CaseTableFixture.caseId("T-0003")).body();
        assertThat(k3).contains("id=\"flagTrajectory\"", "Reingreso", "Egreso con objetivos logrados")
                .doesNotContain("id=\"flagChild\"");
    }

    @Test
    void aProfessionalCannotOpenACaseOutsideTheirProgram() {
        WebClient web = new WebClient(base);
        web.signIn(CaseTableFixture.PROFESSIONAL_TA, TestSession.DEMO_PASSWORD);

        String page = web.get("cases/case.xhtml?id=" + CaseTableFixture.caseId("T-0004")).body();
        assertThat(page).contains("id=\"notFound\"").doesNotContain("Diego");
    }
}
