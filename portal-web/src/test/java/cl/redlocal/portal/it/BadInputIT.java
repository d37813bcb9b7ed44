package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that no page of the portal sends (bad query parameters, stale or forged postbacks, non-numbers in
 * number fields, oversized uploads) answer with a 4xx status and the portal's Spanish pages, never 500; and
 * every response, redirects included, carries the security headers and no Server header.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    @ArquillianResource
    URL base;

    /** A link whose parameter does not convert, is below 1, is empty or carries a NUL: 400 and the Spanish page. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "99999999999999999999", "", "1e5", "%00", "1.5", "%20"})
    void aQueryParameterThatNoLinkOfThePortalMakesAnswers400WithTheSpanishPage(String bad) {
        WebClient web = new WebClient(base);
        web.signIn("profesional.ppf", TestSession.DEMO_PASSWORD);
        for (String page : List.of("diagnosis/compare.xhtml?case=1&before=", "diagnosis/compare.xhtml?case=",
                "cases/case.xhtml?id=", "offer/program.xhtml?id=", "referrals/referral.xhtml?id=",
                "plan/plan.xhtml?case=", "mgc/minutes.xhtml?session=1&version=")) {
            HttpResponse<String> response = web.get(page + bad);
            assertThat(response.statusCode()).as(page + bad).isEqualTo(400);
            assertThat(response.body()).as(page + bad).contains("Solicitud no válida");
            assertNoStackTrace(response.body());
        }
        // the same page with good parameters is served (a case of the professional's program: a foreign one would
        // add a denial to the audit trail on every run)
        long own = ((Number) TestDatabase.value("SELECT min(i.case_id) FROM case_involvement i"
                + " JOIN program p ON p.id = i.program_id WHERE p.acronym = 'PPF'")).longValue();
        assertThat(web.get("diagnosis/compare.xhtml?case=" + own).statusCode()).isEqualTo(200);
    }

    @Test
    void aNulInATextParameterIsRefusedBeforeItReachesTheDatabase() {
        HttpResponse<String> response = new WebClient(base).get("mgc-rsvp.xhtml?t=ab%00cd");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Solicitud no válida");
        assertNoStackTrace(response.body());
    }

    /** 400, not 410: the page's address is not gone, only the posted view; and the same for any view state. */
    @ParameterizedTest
    @ValueSource(strings = {"-1:-1", "1234567890:987654321", "garbage"})
    void anExpiredOrForeignViewStateAnswers400WithTheExpiredPage(String viewState) {
        WebClient web = new WebClient(base);
        HttpResponse<String> page = web.signIn("coordinador", TestSession.DEMO_PASSWORD);
        HttpResponse<String> response = web.post("account/password.xhtml", Map.of("primefaces.nonce", nonce(page),
                "password", "password", "password:current", "x", "password:replacement", "y",
                "password:confirmation", "y", "password:save", "", "jakarta.faces.ViewState", viewState));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("La página expiró");
        assertNoStackTrace(response.body());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPostbackWithoutTheNonceOfItsViewAnswers400(boolean forged) {
        WebClient web = new WebClient(base);
        web.signIn("coordinador", TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("account/password.xhtml");
        Map<String, String> form = new LinkedHashMap<>(Map.of("password", "password", "password:current", "x",
                "password:replacement", "y", "password:confirmation", "y", "password:save", "",
                "jakarta.faces.ViewState", WebClient.viewState(page.body())));
        if (forged) {
            form.put("primefaces.nonce", "bm90LXRoZS1ub25jZQ");
        }
        HttpResponse<String> response = web.post("account/password.xhtml", form);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Solicitud no válida");
        assertNoStackTrace(response.body());
    }

    /** What the number widget never sends but a hand-made request can: a message beside the field, nothing saved. */
    @ParameterizedTest
    @CsvSource({"longitude, NaN", "longitude, Infinity", "latitude, -Infinity", "latitude, abc"})
    void aNonNumberInACoordinateIsRefusedBesideTheFieldAndNothingIsSaved(String field, String value) {
        long program = ((Number) TestDatabase.value("SELECT min(p.id) FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99001' AND (SELECT count(*) FROM program_location l WHERE l.program_id = p.id) = 1"))
                .longValue();
        List<Object> before = TestDatabase.values("SELECT version FROM program WHERE id = ?", program);
        WebClient web = new WebClient(base);
        web.signIn("coordinador", TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("offer/edit.xhtml?id=" + program);
        assertThat(page.body()).contains("program:locations:0:" + field + "_input");
        Map<String, String> fields = inputs(page.body(), "program:");
        fields.put("program:locations:0:" + field + "_input", value);
        fields.put("program:locations:0:" + field + "_hinput", value);
        fields.put("program:save", "");
        fields.put("program", "program");
        fields.put("primefaces.nonce", nonce(page));
        fields.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));

        HttpResponse<String> response = web.post("offer/edit.xhtml?id=" + program, fields);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("(?s)id=\"program:locations:0:" + field + "_input\".{0,900}"
                + "ui-message-error-detail[^>]*>Escriba un número\\.<");
        assertNoStackTrace(response.body());
        assertThat(TestDatabase.values("SELECT version FROM program WHERE id = ?", program)).isEqualTo(before);
    }

    /** Above the container's 21 MB multipart limit: 413 with the Spanish size page, in full and ajax requests. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anUploadAboveTheContainersLimitAnswers413WithTheSpanishSizePage(boolean ajax) {
        WebClient web = new WebClient(base);
        web.signIn("coordinador", TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("offer/import.xhtml");
        String boundary = "----redlocal" + System.nanoTime();
        byte[] body = multipart(boundary, Map.of("import", "import", "primefaces.nonce", nonce(page),
                "jakarta.faces.ViewState", WebClient.viewState(page.body())), "import:file", 23 * 1024 * 1024);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "offer/import.xhtml"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "JSESSIONID=" + web.sessionId())
                .header("Accept-Language", "es-CL")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }

        HttpResponse<String> response = send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                request.build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Archivo demasiado grande").contains("Elija un archivo más pequeño");
        assertNoStackTrace(response.body());
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    /**
     * The redirects the container answers before any filter (the sign-in mechanism's, to the sign-in page and
     * back to the page asked for) carry the same headers as pages, and no response names the server.
     */
    @Test
    void redirectsCarryTheSecurityHeadersAndNoResponseNamesTheServer() {
        HttpClient noRedirects = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        for (String path : List.of("", "index.xhtml", "offer/programs.xhtml")) {
            HttpResponse<String> redirect = send(noRedirects, HttpRequest.newBuilder(URI.create(base + path)).build());
            assertThat(redirect.statusCode()).as(path).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).as(path).hasValueSatisfying(l ->
                    assertThat(l).contains("/login.xhtml"));
            assertSecurityHeaders(redirect.headers(), path);
        }
        // signing in after that: the mechanism sends the person back to the page they asked for
        HttpResponse<String> login = send(noRedirects, HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build());
        HttpResponse<String> signedIn = send(noRedirects, HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("primefaces.nonce", nonce(login), "login", "login",
                        "login:username", "coordinador", "login:password", TestSession.DEMO_PASSWORD, "login:submit", "",
                        "jakarta.faces.ViewState", WebClient.viewState(login.body()))))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertSecurityHeaders(signedIn.headers(), "after sign-in");
        HttpResponse<String> back = send(noRedirects, HttpRequest.newBuilder(
                URI.create(signedIn.headers().firstValue("Location").orElseThrow())).build());
        assertSecurityHeaders(back.headers(), "back to the page");
        for (HttpResponse<String> r : List.of(login, back, new WebClient(base).get("no-existe.xhtml"),
                new WebClient(base).get("jakarta.faces.resource/portal.css.xhtml?ln=portal"))) {
            assertThat(r.headers().firstValue("Server")).as(r.uri().toString()).isEmpty();
            assertThat(r.headers().firstValue("X-Powered-By")).as(r.uri().toString()).isEmpty();
        }
    }

    private static void assertSecurityHeaders(HttpHeaders headers, String what) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).as(what).isPresent();
        assertThat(headers.firstValue("Cache-Control")).as(what).contains("no-store");
        assertThat(headers.firstValue("Server")).as(what).isEmpty();
    }

    /** Every named input of the form, with the value it was rendered with (what a browser would post back). */
    private static Map<String, String> inputs(String html, String prefix) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<(?:input|textarea|select)([^>]*)>").matcher(html);
        while (m.find()) {
            String attributes = m.group(1);
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(attributes);
            if (!name.find() || !name.group(1).startsWith(prefix)
                    || attributes.matches("(?s).*type=\"(submit|button|checkbox)\".*")) {
                continue;
            }
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(attributes);
            fields.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
        }
        return fields;
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, String fileField, int fileBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(fileBytes + 4096);
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"grande.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] line = "PROG;Programa;PROTECCION\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[fileBytes];
        for (int i = 0; i < fileBytes; i += line.length) {
            System.arraycopy(line, 0, file, i, Math.min(line.length, fileBytes - i));
        }
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String form(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(),
                StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    private static String nonce(HttpResponse<String> page) {
        Matcher m = NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        if (!m.find()) {
            throw new IllegalStateException("No CSP nonce on " + page.uri());
        }
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContainPattern("(?m)^\\s*at [a-z]+\\.[a-z]+").doesNotContain("Caused by")
                .doesNotContainPattern("[a-z]+\\.[a-zA-Z.]+Exception:");
    }

}
