package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous pages keep nothing on the server: the sign-in page, the error pages and the public RSVP page
 * are stateless views and the language lives in a cookie, so requests without a cookie create no
 * session (which had held a view each: 15 s of such requests filled a 1 GB heap). Signing in and
 * switching the language still work from such a page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnonymousPagesIT {

    @ArquillianResource
    URL base;

    @Test
    void requestsWithoutACookieCreateNoSession() throws Exception {
        HttpClient cookieless = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        int sessions = 0;
        for (int i = 0; i < 100; i++) {
            for (String path : List.of("login.xhtml", "login.xhtml?error=failed", "no-existe.xhtml",
                    "mgc-rsvp.xhtml?token=abc", "cases/table.xhtml")) {
                HttpResponse<String> response = cookieless.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept-Language", "es-CL").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isLessThan(500);
                if (response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"))) {
                    sessions++;
                }
            }
        }
        assertThat(sessions).as("sessions created by 500 requests without a cookie").isZero();
    }

    @Test
    void theStatelessSignInPageStillSignsInAndSwitchesLanguage() {
        WebClient web = new WebClient(base);
        HttpResponse<String> login = web.get("login.xhtml");
        HttpResponse<String> english = web.clickLink(login, "languageForm", "switch");
        assertThat(english.uri().getPath()).endsWith("/login.xhtml");
        assertThat(english.body()).contains("lang=\"en\"");
        assertThat(web.sessionId()).as("choosing a language keeps no session").isNull();

        HttpResponse<String> home = web.signIn("coordinador", TestSession.DEMO_PASSWORD);
        assertThat(home.uri().getPath()).endsWith("/index.xhtml");
        assertThat(home.body()).contains("lang=\"en\"");
        assertThat(web.sessionId()).isNotNull();
    }
}
