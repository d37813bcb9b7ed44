package cl.redlocal.portal.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open aggregate data of published indicator quarters, as a client without signing in: the list and a
 * quarter validate against the schemas the OpenAPI document publishes (IndicatorCatalogue, IndicatorQuarter),
 * small cells come as "&lt;5", CSV on request, 400/404 as JSON, no personal data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IndicatorApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode openApi;

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        IndicatorFixture.ensure();
    }

    @Test
    void theListAndAQuarterFollowTheirDocumentedSchemaWithSmallCellsSuppressed() throws Exception {
        JsonNode list = json("api/indicators/" + IndicatorFixture.VECINA, 200);
        assertValid("IndicatorCatalogue", list);
        assertThat(list.at("/comuna/region/name").asText()).isEqualTo("Región Indicadores Norte");
        assertThat(list.get("quarters").findValuesAsText("quarter")).contains("2025-Q2");
        assertThat(list.get("definitions")).hasSize(18);

        JsonNode quarter = json("api/indicators/" + IndicatorFixture.VECINA + "/2025-Q2", 200);
        assertValid("IndicatorQuarter", quarter);
        assertThat(quarter.get("version").asInt()).isEqualTo(1);
        JsonNode plazo = value(quarter, "DER_PLAZO");
        assertThat(plazo.get("numerator").asText()).isEqualTo("<5");
        assertThat(plazo.get("denominator").asText()).isEqualTo("<5");
        assertThat(plazo.get("value").isNull()).isTrue();
        assertThat(plazo.get("unit").asText()).isEqualTo("%");
        JsonNode sessions = value(quarter, "MESA_SESIONES");
        assertThat(sessions.get("numerator").asInt()).isEqualTo(5);
        assertThat(sessions.get("value").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(sessions.get("suppressed").asBoolean()).isFalse();

        // the schema check can fail: a numerator that is neither a count nor "<5" is refused
        ObjectNode tampered = quarter.deepCopy();
        ((ObjectNode) tampered.get("values").get(0)).set("numerator", new TextNode("3"));
        assertThat(schema("IndicatorQuarter").validate(tampered)).isNotEmpty();
    }

    @Test
    void csvOnRequestAndErrorsAsJson() throws Exception {
        HttpResponse<String> csv = get("api/indicators/" + IndicatorFixture.VECINA + "/2025-Q2?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("comuna,quarter,version,published_at,code,name,unit,numerator,denominator,value")
                .contains("99942,2025-Q2,1,").contains(",DER_PLAZO,Derivaciones respondidas dentro de plazo,%,<5,<5,");

        assertThat(json("api/indicators/" + IndicatorFixture.VECINA + "/2025-Q5", 400).get("code").asText())
                .isEqualTo("invalid_parameter");
        assertThat(json("api/indicators/" + IndicatorFixture.VECINA + "/2019-Q1", 404).get("message").asText())
                .contains("no ha publicado");
        assertThat(json("api/indicators/12345", 404).get("code").asText()).isEqualTo("not_found");
        assertThat(json("api/indicators/" + IndicatorFixture.VECINA + "?format=xml", 400).get("message").asText())
                .startsWith("format:");
    }

    @Test
    void noPersonalDataAndThePathsAreInTheOpenApiDocument() throws Exception {
        String body = get("api/indicators/" + IndicatorFixture.COMUNA).body()
                + get("api/indicators/" + IndicatorFixture.VECINA + "/2025-Q2").body();
        for (Object name : TestDatabase.values("SELECT given_names FROM child c JOIN comuna co ON co.id = c.comuna_id"
                + " WHERE co.code = ?", IndicatorFixture.COMUNA)) {
            assertThat(body).doesNotContain((String) name);
        }
        assertThat(body).doesNotContain("IND-41-").doesNotContain(IndicatorFixture.COORDINATOR);

        JsonNode document = openApi();
        StringBuilder paths = new StringBuilder();
        document.get("paths").fieldNames().forEachRemaining(p -> paths.append(p).append('\n'));
        assertThat(paths.toString()).contains("/api/indicators/{comuna}\n", "/api/indicators/{comuna}/{quarter}\n");
    }

    // ------------------------------------------------------------------------------------------------

    private JsonNode openApi() throws Exception {
        if (openApi == null) {
            openApi = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/openapi"))
                    .header("Accept", "application/json").GET().build()).body());
        }
        return openApi;
    }

    /** The named schema of the OpenAPI document as JSON Schema 2020-12 (OpenAPI 3.0's nullable made a type). */
    private JsonSchema schema(String name) throws Exception {
        ObjectNode components = (ObjectNode) openApi().get("components").deepCopy();
        nullable(components);
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", components);
        root.put("$ref", "#/components/schemas/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static void nullable(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.path("nullable").asBoolean(false)) {
                o.remove("nullable");
                if (o.has("type")) {
                    ArrayNode types = JSON.createArrayNode().add(o.get("type").asText()).add("null");
                    o.set("type", types);
                } else if (o.has("oneOf")) {
                    ((ArrayNode) o.get("oneOf")).add(JSON.createObjectNode().put("type", "null"));
                } else if (o.has("$ref")) {
                    ObjectNode ref = JSON.createObjectNode().put("$ref", o.get("$ref").asText());
                    o.remove("$ref");
                    o.set("anyOf", JSON.createArrayNode().add(ref).add(JSON.createObjectNode().put("type", "null")));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                nullable(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(IndicatorApiIT::nullable);
        }
    }

    private void assertValid(String name, JsonNode node) throws Exception {
        assertThat(schema(name).validate(node)).as("%s against %s", node, name).isEmpty();
    }

    private static JsonNode value(JsonNode quarter, String code) {
        for (JsonNode v : quarter.get("values")) {
            if (v.get("code").asText().equals(code)) {
                return v;
            }
        }
        throw new AssertionError("no " + code);
    }

    private JsonNode json(String path, int status) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Once more when the server closed a kept-alive connection under load (EOF before the answer). */
    private HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
