package cl.redlocal.portal.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open HSDS API from outside, as a consumer meets it: no sign-in, JSON that the official Open
 * Referral HSDS 3.0 schemas accept (capacity: HSDS 3.1's service_capacity), the comuna's public offer and
 * nothing else, HSDS paging, clear 400s and 404s, and an OpenAPI document that lists it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HsdsApiIT {

    private static final String DEMO = "99001";
    private static final String VECINA = "99002";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** uuid, email, uri, date-time are checked, not only noted. */
    private static final SchemaValidatorsConfig FORMATS_ASSERTED = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();
    private static final String PUBLIC_OFFER_OF = "SELECT p.acronym, p.status, p.slots, p.occupied, p.min_age,"
            + " p.max_age, (SELECT count(*) FROM referral r WHERE r.to_program_id = p.id AND r.state = 'WAITING'),"
            + " p.court_order_required FROM program p JOIN comuna c ON c.id = p.comuna_id"
            + " WHERE c.code = '%s' AND p.status IN ('ACTIVE', 'SUSPENDED')";

    private final HttpClient http = HttpClient.newHttpClient(); // no cookies: nobody is signed in

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @CsvSource({
            "organizations,        organization.json,        compiled/organization_list.json",
            "services,             service.json,             compiled/service_list.json",
            "locations,            location.json,            ",
            "service_at_locations, service_at_location.json, compiled/service_at_location_list.json"})
    void everyListAndEveryObjectByIdValidatesAgainstTheHsdsSchemas(String endpoint, String objectSchema,
                                                                  String listSchema) {
        JsonNode page = json(get(api(DEMO, endpoint + "?per_page=100")), 200);
        assertPage(page);
        assertThat(page.get("contents")).isNotEmpty();
        assertThat(page.get("total_items").asLong()).isEqualTo(page.get("contents").size());

        for (JsonNode item : page.get("contents")) {
            String id = item.get("id").asText();
            assertValid(objectSchema, item, endpoint + " " + id);
            if (listSchema != null) {
                assertValid(listSchema, item, endpoint + " (list) " + id);
            }
            nestedServices(item).forEach(service -> {
                assertValid("service.json", service, "service inside " + endpoint + " " + id);
                service.path("capacities").forEach(c -> assertValid("service_capacity.3.1-dev.json", c,
                        "capacity of " + service.get("id").asText()));
            });

            JsonNode one = json(get(api(DEMO, endpoint + "/" + id)), 200);
            assertValid(objectSchema, one, endpoint + "/" + id);
            assertThat(one).as("%s/%s is the object the list shows", endpoint, id).isEqualTo(item);
        }
    }

    /** Proof that the check above can fail: the same validator refuses what HSDS forbids. */
    @Test
    void theSchemaCheckRefusesWhatHsdsForbids() {
        JsonNode service = json(get(api(DEMO, "services?per_page=1")), 200).get("contents").get(0);
        assertThat(errors("service.json", service)).isEmpty();

        ObjectNode noName = service.deepCopy();
        noName.remove("name");
        ObjectNode numericId = service.deepCopy();
        numericId.put("id", "42");
        ObjectNode unknownStatus = service.deepCopy();
        unknownStatus.put("status", "open");
        ObjectNode capacityWithoutUnit = service.get("capacities").get(0).deepCopy();
        capacityWithoutUnit.remove("unit");

        assertThat(errors("service.json", noName)).isNotEmpty();
        assertThat(errors("service.json", numericId)).isNotEmpty();
        assertThat(errors("service.json", unknownStatus)).isNotEmpty();
        assertThat(errors("service_capacity.3.1-dev.json", capacityWithoutUnit)).isNotEmpty();
    }

    @Test
    void servicesAreTheComunasActiveAndSuspendedProgramsWithTheirCapacityAndWaitingList() {
        Map<String, Map<String, Object>> expected = programs(DEMO);
        JsonNode page = json(get(api(DEMO, "services?per_page=100")), 200);

        Map<String, JsonNode> services = new HashMap<>();
        page.get("contents").forEach(s -> services.put(s.get("alternate_name").asText(), s));
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(services).containsKeys("OPD", "PPF", "DEPORTES").doesNotContainKeys("OPD-V", "PPF-V");

        expected.forEach((acronym, db) -> {
            JsonNode s = services.get(acronym);
            int slots = (Integer) db.get("slots");
            int occupied = (Integer) db.get("occupied");
            JsonNode capacity = s.get("capacities").get(0);
            assertThat(capacity.get("unit").get("name").asText()).isEqualTo("cupos");
            assertThat(capacity.get("maximum").asInt()).as("slots of %s", acronym).isEqualTo(slots);
            assertThat(capacity.get("available").asInt()).as("vacancies of %s", acronym).isEqualTo(slots - occupied);
            assertThat(capacity.hasNonNull("updated")).isTrue();
            assertThat(s.get("status").asText())
                    .isEqualTo("ACTIVE".equals(db.get("status")) ? "active" : "temporarily closed");
            assertThat(s.get("minimum_age").asInt()).isEqualTo(db.get("min_age"));
            assertThat(s.get("maximum_age").asInt()).isEqualTo(db.get("max_age"));
            assertThat(attribute(s, "waiting_list")).as("waiting list of %s", acronym)
                    .isEqualTo(String.valueOf(db.get("waiting")));
            assertThat(attribute(s, "court_order_required")).isEqualTo(String.valueOf(db.get("court_order")));
            assertThat(attribute(s, "sector:" + sectorOf(acronym))).isNotNull();
        });

        JsonNode ppf = services.get("PPF");
        assertThat(ppf.get("eligibility_description").asText()).contains("Edad entre 0 y 17 años");
        assertThat(ppf.get("contacts").get(0).get("email").asText()).isEqualTo("ppf@demo.redlocal.cl");
        assertThat(ppf.get("schedules").get(0).get("description").asText()).isEqualTo("Lunes a viernes, 08:30 a 17:30");
        assertThat(ppf.get("organization").get("name").asText()).isEqualTo("ONG Crecer Juntos");
        assertThat(ppf.get("service_at_locations")).isNotEmpty();
        assertThat(services.get("PIE").get("application_process").asText()).contains("orden del Tribunal de Familia");
        assertThat(services.get("DEPORTES").get("alert").asText()).contains("suspendido");
        assertThat(StreamSupport.stream(page.get("contents").spliterator(), false)
                .filter(s -> "true".equals(attribute(s, "stale"))))
                .allSatisfy(s -> assertThat(s.get("alert").asText()).contains("no confirmada"))
                .isNotEmpty();
    }

    /** A closed program is not offered any more: it leaves the lists and its ids name nothing. */
    @Test
    void aClosedProgramLeavesThePublicOffer() throws SQLException {
        JsonNode before = json(get(api(DEMO, "services?per_page=100")), 200);
        JsonNode hpv = StreamSupport.stream(before.get("contents").spliterator(), false)
                .filter(s -> s.get("alternate_name").asText().equals("HPV")).findFirst().orElseThrow();
        String serviceId = hpv.get("id").asText();
        String locationId = hpv.get("service_at_locations").get(0).get("location_id").asText();
        String status = (String) TestDatabase.value("SELECT status FROM program WHERE acronym = 'HPV'");
        try {
            TestDatabase.update("UPDATE program SET status = 'CLOSED' WHERE acronym = 'HPV'");

            JsonNode after = json(get(api(DEMO, "services?per_page=100")), 200);
            assertThat(after.get("total_items").asLong()).isEqualTo(before.get("total_items").asLong() - 1);
            assertThat(after.get("contents").findValuesAsText("alternate_name")).doesNotContain("HPV");
            json(get(api(DEMO, "services/" + serviceId)), 404);
            json(get(api(DEMO, "locations/" + locationId)), 404);
            json(get(api(DEMO, "service_at_locations/" + locationId.replace("-0003-", "-0004-"))), 404);
        } finally {
            TestDatabase.update("UPDATE program SET status = ? WHERE acronym = 'HPV'", status);
        }
        json(get(api(DEMO, "services/" + serviceId)), 200);
    }

    @Test
    void pagingFollowsPerPageAndReportsTheTotal() {
        long total = programs(DEMO).size();
        int perPage = 7;
        long pages = (total + perPage - 1) / perPage;
        assertThat(pages).isGreaterThan(2);

        Set<String> seen = new HashSet<>();
        for (int number = 1; number <= pages; number++) {
            JsonNode page = json(get(api(DEMO, "services?per_page=" + perPage + "&page=" + number)), 200);
            assertPage(page);
            long expectedSize = number < pages ? perPage : total - perPage * (pages - 1);
            assertThat(page.get("total_items").asLong()).isEqualTo(total);
            assertThat(page.get("total_pages").asLong()).isEqualTo(pages);
            assertThat(page.get("page_number").asInt()).isEqualTo(number);
            assertThat(page.get("size").asLong()).isEqualTo(expectedSize);
            assertThat(page.get("contents")).hasSize((int) expectedSize);
            assertThat(page.get("first_page").asBoolean()).isEqualTo(number == 1);
            assertThat(page.get("last_page").asBoolean()).isEqualTo(number == pages);
            assertThat(page.get("empty").asBoolean()).isFalse();
            page.get("contents").forEach(s -> assertThat(seen.add(s.get("id").asText())).as("on one page only")
                    .isTrue());
        }
        assertThat(seen).hasSize((int) total);

        JsonNode beyond = json(get(api(DEMO, "services?per_page=" + perPage + "&page=" + (pages + 1))), 200);
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("contents")).isEmpty();
        assertThat(beyond.get("total_items").asLong()).isEqualTo(total);

        JsonNode byDefault = json(get(api(DEMO, "services")), 200);
        assertThat(byDefault.get("page_number").asInt()).isEqualTo(1);
        assertThat(byDefault.get("size").asLong()).isEqualTo(Math.min(total, 50));
    }

    @Test
    void eachComunaIsItsOwnTenant() {
        JsonNode vecina = json(get(api(VECINA, "services")), 200);
        assertThat(vecina.get("contents").findValuesAsText("alternate_name"))
                .containsExactlyInAnyOrderElementsOf(programs(VECINA).keySet());
        String vecinaService = vecina.get("contents").get(0).get("id").asText();

        json(get(api(VECINA, "services/" + vecinaService)), 200);
        JsonNode refused = json(get(api(DEMO, "services/" + vecinaService)), 404);
        assertThat(refused.get("code").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "api/hsds/00000/services",                                    // no such comuna
            "api/hsds/99001/services/2ed10ca1-0002-8000-8000-0000000f4240", // an id of ours, no such program
            "api/hsds/99001/services/not-an-id",
            "api/hsds/99001/services/ac148810-d857-441c-9679-408f346de14b", // somebody else's UUID
            "api/hsds/99001/organizations/2ed10ca1-0002-8000-8000-000000000001", // a service id as organization
            "api/hsds/99001/locations/2ed10ca1-0003-8000-8000-0000000f4240",
            "api/hsds/99001/service_at_locations/2ed10ca1-0004-8000-8000-0000000f4240",
            "api/hsds/99001/taxonomies",                                  // not served
            "api/hsds"})
    void whatDoesNotExistIsA404WithAJsonError(String path) {
        JsonNode error = json(get(path), 404);
        assertThat(error.get("status").asInt()).isEqualTo(404);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
            "page=-1,          page",
            "page=0,           page",
            "page=abc,         page",
            "per_page=100000,  per_page",
            "per_page=0,       per_page",
            "per_page=1.5,     per_page",
            "per_page=%00,     per_page"})
    void badPagingIsA400ThatNamesTheParameterWithoutAStackTrace(String query, String parameter) {
        for (String endpoint : List.of("organizations", "services", "locations", "service_at_locations")) {
            HttpResponse<String> response = get(api(DEMO, endpoint + "?" + query));
            JsonNode error = json(response, 400);
            assertThat(error.get("status").asInt()).isEqualTo(400);
            assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
            assertThat(error.get("message").asText()).startsWith(parameter + ": ").contains("entre 1 y");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cl.").doesNotContain("<html");
        }
    }

    /**
     * The API is the public offer: no child's name or RUN, no case, no user, not who confirmed an entry,
     * in anything it answers, lists and objects by id of both comunas.
     */
    @Test
    void noPersonalDataAppearsInAnyResponse() throws SQLException {
        List<String> bodies = new ArrayList<>();
        for (String comuna : List.of(DEMO, VECINA)) {
            bodies.add(get(api(comuna, "")).body());
            for (String endpoint : List.of("organizations", "services", "locations", "service_at_locations")) {
                HttpResponse<String> list = get(api(comuna, endpoint + "?per_page=100"));
                bodies.add(list.body());
                json(list, 200).get("contents").forEach(o -> bodies.add(get(api(comuna, endpoint + "/"
                        + o.get("id").asText())).body()));
            }
        }
        List<String> personal = new ArrayList<>();
        personal.addAll(strings("SELECT given_names || ' ' || paternal_surname FROM child"));
        personal.addAll(strings("SELECT run FROM child WHERE run IS NOT NULL"));
        personal.addAll(strings("SELECT substr(run, 1, 2) || '.' || substr(run, 3, 3) || '.' || substr(run, 6)"
                + " FROM child WHERE run IS NOT NULL")); // 40.123.456-7
        personal.addAll(strings("SELECT code FROM case_file"));
        personal.addAll(strings("SELECT full_name FROM app_user"));
        personal.addAll(strings("SELECT email FROM app_user"));
        personal.addAll(strings("SELECT '\"' || username || '\"' FROM app_user")); // e.g. a confirmed_by value
        assertThat(personal).hasSizeGreaterThan(100).contains("\"coordinador\"");

        String everything = String.join("\n", bodies);
        assertThat(personal).allSatisfy(value -> assertThat(everything).doesNotContain(value));
        assertThat(everything).doesNotContain("\"run\"").doesNotContain("confirmed_by").doesNotContain("changed_by")
                .doesNotContain("birth_date");
    }

    @Test
    void theRootOfAComunaSaysWhichHsdsAndWhereItsOpenApiIs() {
        JsonNode about = json(get(api(DEMO, "")), 200);
        assertThat(about.get("version").asText()).isEqualTo("3.0");
        assertThat(about.get("openapi_url").asText()).endsWith("/openapi");
    }

    @Test
    void theOpenApiDocumentListsTheEndpointsAndNeedsNoSignIn() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/openapi"))
                .header("Accept", "application/json").GET());
        JsonNode document = json(response, 200);
        List<String> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(paths::add);
        for (String endpoint : List.of("", "/organizations", "/organizations/{id}", "/services", "/services/{id}",
                "/locations", "/locations/{id}", "/service_at_locations", "/service_at_locations/{id}")) {
            assertThat(paths).as("OpenAPI paths").anyMatch(p -> p.endsWith("/api/hsds/{comuna}" + endpoint));
        }
        JsonNode services = StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) document.get("paths")::fields)
                .spliterator(), false).filter(e -> e.getKey().endsWith("/api/hsds/{comuna}/services"))
                .findFirst().orElseThrow().getValue();
        assertThat(services.get("get").get("parameters").findValuesAsText("name"))
                .contains("comuna", "page", "per_page");
        JsonNode error = document.at("/components/schemas/ApiError");
        assertThat(error.get("required")).extracting(JsonNode::asText).containsExactly("status", "code", "message");
        assertThat(error.has("maxProperties")).as("no constraint the answers break").isFalse();
        assertThat(document.at("/components/schemas/HsdsPage/properties").has("total_items")).isTrue();

        // at the root context Payara adds /openapi to the portal itself: web.xml must leave it public
        HttpResponse<String> own = get("openapi");
        assertThat(own.statusCode()).isNotIn(302, 303, 401, 403);
        assertThat(own.headers().firstValue("Location").orElse("")).doesNotContain("login");
    }

    // ------------------------------------------------------------------------------------------------

    private static String api(String comuna, String path) {
        return "api/hsds/" + comuna + (path.isEmpty() ? "" : "/" + path);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Accept", "application/json").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.uri())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HSDS's envelope: its schema (openapi.json's Page) and, since that requires nothing, every field present. */
    private static void assertPage(JsonNode page) {
        JsonSchema pageSchema = LOADED.computeIfAbsent("openapi.json#Page", k -> SCHEMAS.getSchema(
                resource("hsds/openapi.json").at("/components/schemas/Page"), FORMATS_ASSERTED));
        assertThat(pageSchema.validate(page)).as("HSDS page envelope").isEmpty();
        assertThat(page.has("contents") && page.get("contents").isArray()).isTrue();
        for (String field : List.of("total_items", "total_pages", "page_number", "size", "first_page", "last_page",
                "empty")) {
            assertThat(page.hasNonNull(field)).as("page field %s", field).isTrue();
        }
    }

    private static void assertValid(String schema, JsonNode node, String what) {
        assertThat(errors(schema, node)).as("%s against HSDS %s:\n%s", what, schema, node).isEmpty();
    }

    private static Set<ValidationMessage> errors(String schema, JsonNode node) {
        return LOADED.computeIfAbsent(schema, s -> SCHEMAS.getSchema(SchemaLocation.of("classpath:hsds/" + s),
                FORMATS_ASSERTED)).validate(node);
    }

    private static JsonNode resource(String name) {
        try (InputStream in = HsdsApiIT.class.getClassLoader().getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services an object carries: itself, the one of a service_at_location, those of an organization. */
    private static List<JsonNode> nestedServices(JsonNode item) {
        List<JsonNode> services = new ArrayList<>();
        if (item.has("capacities")) {
            services.add(item);
        }
        if (item.has("service")) {
            services.add(item.get("service"));
        }
        item.path("services").forEach(services::add);
        return services;
    }

    private static String attribute(JsonNode service, String termCode) {
        for (JsonNode a : service.get("attributes")) {
            if (a.get("taxonomy_term").get("code").asText().equals(termCode)) {
                return a.has("value") ? a.get("value").asText() : "";
            }
        }
        return null;
    }

    private static String sectorOf(String acronym) {
        return (String) TestDatabase.value("SELECT p.sector FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE p.acronym = ? AND c.code = ?", acronym, DEMO);
    }

    /** The public offer of a comuna as the database has it, by acronym. */
    private static Map<String, Map<String, Object>> programs(String comuna) {
        Map<String, Map<String, Object>> programs = new HashMap<>();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(PUBLIC_OFFER_OF.formatted(comuna))) {
            while (rs.next()) {
                programs.put(rs.getString(1), Map.of("status", rs.getString(2), "slots", rs.getInt(3),
                        "occupied", rs.getInt(4), "min_age", rs.getInt(5), "max_age", rs.getInt(6),
                        "waiting", rs.getLong(7), "court_order", rs.getBoolean(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return programs;
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
