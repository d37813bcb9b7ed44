package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's sign-in: a protected page asked for without a session leads to the sign-in page and,
 * once signed in, back to that page; only the portal's own pages are such a destination; a Faces ajax
 * request without a session is told to go to the sign-in page in a way the page understands.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInReturnIT {

    @ArquillianResource
    URL base;

    @Test
    void aProtectedPageLeadsToSignInAndBackToItself() {
        WebClient web = new WebClient(base);
        HttpResponse<String> login = web.get("cases/table.xhtml?program=3");
        assertThat(login.uri().getPath()).endsWith("/login.xhtml");
        assertThat(login.uri().getQuery()).isEqualTo("next=/cases/table.xhtml?program=3");

        HttpResponse<String> landed = signIn(web, login, "cofacilitador.opd", TestSession.DEMO_PASSWORD);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).endsWith("/cases/table.xhtml");
        assertThat(landed.uri().getQuery()).isEqualTo("program=3");
    }

    @Test
    void aWrongPasswordKeepsWhereThePersonWasGoing() {
        WebClient web = new WebClient(base);
        HttpResponse<String> login = web.get("cases/table.xhtml");
        HttpResponse<String> again = signIn(web, login, "cofacilitador.opd", "equivocada");
        assertThat(again.uri().getPath()).endsWith("/login.xhtml");
        assertThat(again.body()).contains("Usuario o contraseña incorrectos");
        assertThat(signIn(web, again, "cofacilitador.opd", TestSession.DEMO_PASSWORD).uri().getPath())
                .endsWith("/cases/table.xhtml");
    }

    @Test
    void onlyThePortalsOwnPagesAreADestination() {
        for (String next : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            WebClient web = new WebClient(base);
            HttpResponse<String> login = web.get("login.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> landed = signIn(web, login, "coordinador", TestSession.DEMO_PASSWORD);
            assertThat(landed.uri().getHost()).isEqualTo(base.getHost());
            assertThat(landed.uri().getPath()).as(next).endsWith("/index.xhtml");
        }
        // what is written back into the page is escaped
        HttpResponse<String> page = new WebClient(base).get("login.xhtml?next="
                + URLEncoder.encode("\"><script>alert(1)</script>", StandardCharsets.UTF_8));
        assertThat(page.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("\"><script>");
    }

    @Test
    void anAjaxRequestWithoutASessionIsToldToSignIn() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("cases/table.xhtml"))
                .header("Faces-Request", "partial/ajax").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("<partial-response><redirect url=\"").contains("/login.xhtml");
    }

    /** Posts the sign-in form of the page received, hidden destination included, as the browser would. */
    private static HttpResponse<String> signIn(WebClient web, HttpResponse<String> page, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        form.put("primefaces.nonce", nonce.find() ? nonce.group(1) : "");
        form.put("login", "login");
        Matcher next = Pattern.compile("name=\"next\" value=\"([^\"]*)\"").matcher(page.body());
        if (next.find()) {
            form.put("next", next.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&#39;", "'"));
        }
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return web.post(page.uri().getPath(), form);
    }
}
