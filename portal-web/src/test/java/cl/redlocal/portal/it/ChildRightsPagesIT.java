package cl.redlocal.portal.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static cl.redlocal.portal.it.PrivacyFixture.COFACILITATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-rights page over HTTP: the JSON export holds every part of the fixture child's record and nothing
 * of another child (the sibling only as initials and birth year), valid against its published schema; the PDF
 * is readable Spanish text; an export or a block without a reason gets the Spanish message beside the field
 * and nothing is done; a block from the page takes the case off the case table.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChildRightsPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        PrivacyFixture.ensure();
    }

    @Test
    void theExportHoldsTheWholeRecordOfTheChildAndNothingOfAnother() throws Exception {
        String run = (10_000_000 + System.nanoTime() % 80_000_000) + "-K";
        String otherRun = (10_000_000 + (System.nanoTime() + 7) % 80_000_000) + "-5";
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Portable", run);
        PrivacyFixture.Rich other = PrivacyFixture.richChild("Ajenisima", otherRun);
        long started = System.nanoTime();
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("privacy/child.xhtml?case=" + rich.theCase().id());
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> file = web.download(page, "rightsForm", Map.of("reason", "Solicitud de la familia (madre)"),
                "exportJson");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("export ms").isLessThan(5_000);
        String text = new String(file.body(), StandardCharsets.UTF_8);
        JsonNode doc = JSON.readTree(text);
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/privacy/child-record.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(schema.validate(doc)).isEmpty();

        assertThat(doc.at("/child/run").asText()).isEqualTo(run);
        assertThat(doc.at("/reason").asText()).isEqualTo("Solicitud de la familia (madre)");
        assertThat(doc.at("/corrections").size()).isEqualTo(1);
        assertThat(doc.at("/family/adults/0/full_name").asText()).isEqualTo("Marta Portable");
        assertThat(doc.at("/family/siblings").size()).isEqualTo(1);
        assertThat(doc.at("/family/siblings/0/initials").asText()).isEqualTo("HP");
        JsonNode theCase = doc.at("/cases/0");
        assertThat(theCase.get("code").asText()).isEqualTo(rich.theCase().code());
        for (String part : new String[]{"involvements", "referrals", "waitingEntries", "alerts", "followUpEntries"}) {
            assertThat(theCase.get(part).size()).as(part).isGreaterThan(0);
        }
        assertThat(theCase.at("/referrals/0/events").size()).isEqualTo(1);
        for (String part : new String[]{"plans", "accompaniments", "agendaItems", "agendaRequests", "agreements"}) {
            assertThat(doc.get(part).size()).as(part).isGreaterThan(0);
        }
        assertThat(text).doesNotContain(rich.siblingName()).doesNotContain("Ajenisima").doesNotContain(otherRun)
                .doesNotContain(other.theCase().code());
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'EXPORT'"
                + " AND entity_type = 'CHILD' AND entity_id = ?", COFACILITATOR, String.valueOf(rich.childId())))
                .isEqualTo(1);

        HttpResponse<byte[]> pdf = web.download(web.get("privacy/child.xhtml?case=" + rich.theCase().id()), "rightsForm",
                Map.of("reason", "Solicitud de la familia (madre)"), "exportPdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder all = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p)).append('\n');
        }
        assertThat(all.toString()).contains("Registro completo del NNA").contains(rich.theCase().code())
                .contains("Derivaciones").contains("Marta Portable").doesNotContain("Ajenisima");
    }

    @Test
    void noReasonGetsTheMessageBesideTheFieldAndABlockTakesTheCaseOffTheTable() throws Exception {
        PrivacyFixture.Rich rich = PrivacyFixture.richChild("Pagina", null);
        WebClient web = new WebClient(base);
        web.signIn(COFACILITATOR, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("privacy/child.xhtml?case=" + rich.theCase().id());

        HttpResponse<String> refused = web.submit(page, "rightsForm", Map.of("reason", " "), "exportJson");
        assertThat(refused.body()).contains("Indique el motivo");
        HttpResponse<String> noBlock = web.submit(page, "rightsForm", Map.of("reason", ""), "block");
        assertThat(noBlock.body()).contains("Indique el motivo");
        assertThat(TestDatabase.count("SELECT count(*) FROM child_block WHERE child_id = ?", rich.childId())).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE entity_type = 'CHILD' AND entity_id = ?"
                + " AND action IN ('EXPORT', 'UPDATE')", String.valueOf(rich.childId()))).isZero();

        HttpResponse<String> blocked = web.submit(page, "rightsForm", Map.of("reason", "Pedido de la familia"), "block");
        assertThat(blocked.statusCode()).isEqualTo(200);
        assertThat(blocked.body()).contains("está bloqueado");
        assertThat(TestDatabase.count("SELECT count(*) FROM child_block WHERE child_id = ? AND lifted_at IS NULL",
                rich.childId())).isEqualTo(1);
        String tablePage = web.get("cases/table.xhtml").body();
        assertThat(tablePage).doesNotContain(rich.theCase().code());
        HttpResponse<String> read = web.submit(blocked, "rightsForm", Map.of("reason", "Oficio judicial"), "readBlocked");
        assertThat(read.body()).contains("Pagina");
    }
}
