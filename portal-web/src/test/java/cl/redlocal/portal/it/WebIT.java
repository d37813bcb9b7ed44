package cl.redlocal.portal.it;

import cl.redlocal.portal.devtools.TestDatabaseListener;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal from outside, as a person's browser meets it: sign-in per role, headers, denials,
 * error pages, readiness, and a real headless Chromium walking the main flow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebIT {

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @CsvSource({
            "coordinador, Coordinación comunal",
            "cofacilitador.opd, Mesa de Gestión de Casos",
            "profesional.ppf, Mi programa",
            "gestor, Comunas que acompaño",
            "admin, Administración del portal"})
    @Order(1)
    void eachRoleLandsOnItsOwnHomeWithAFreshSessionId(String username, String homeTitle) {
        WebClient web = new WebClient(base);
        web.get("login.xhtml");
        String before = web.sessionId();

        HttpResponse<String> home = web.signIn(username, TestSession.DEMO_PASSWORD);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).endsWith("/index.xhtml");
        assertThat(home.body()).contains("<h1 class=\"page-title\">" + homeTitle + "</h1>");
        assertThat(web.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    @Order(2)
    void aWrongPasswordKeepsThePersonOnTheSignInPageWithASpanishMessage() {
        WebClient web = new WebClient(base);
        HttpResponse<String> page = web.signIn("coordinador", "equivocada");
        assertThat(page.uri().getPath()).endsWith("/login.xhtml");
        assertThat(page.body()).contains("Usuario o contraseña incorrectos");
        assertThat(web.get("index.xhtml").uri().getPath()).endsWith("/login.xhtml");
    }

    @Test
    @Order(3)
    void pagesCarryTheSecurityHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        WebClient web = new WebClient(base);
        HttpResponse<String> login = web.get("login.xhtml");
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'").containsPattern("script-src 'self' 'nonce-[^']+'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        // the sign-in page keeps nothing for an anonymous visitor; the session begins with the sign-in
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        java.net.http.HttpClient noRedirects = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String form = "primefaces.nonce=" + java.net.URLEncoder.encode(csp.replaceAll(".*'nonce-([^']+)'.*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8) + "&login=login&login%3Ausername=coordinador&login%3Apassword="
                + java.net.URLEncoder.encode(TestSession.DEMO_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + java.net.URLEncoder.encode(WebClient.viewState(login.body()), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = noRedirects.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "login.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        HttpResponse<String> home = web.signIn("coordinador", TestSession.DEMO_PASSWORD);
        assertThat(home.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(home.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    /**
     * Every role, asking for something outside it, is refused and the refusal is audited with who asked:
     * by the page constraint (PAGE) or, past it, by the service's @RolesAllowed (SERVICE).
     */
    @ParameterizedTest
    @CsvSource({
            "profesional.pie,   admin/users.xhtml,      PAGE",
            "cofacilitador.edt, admin/audit.xhtml,      PAGE",
            "coordinador,       cases/table.xhtml,      PAGE",
            "cofacilitador.opd, cases/new.xhtml,        PAGE",
            "gestor,            waiting/lists.xhtml,    PAGE",
            "coordinador,       cases/case.xhtml?id=1,  SERVICE",
            "gestor,            cases/case.xhtml?id=1,  SERVICE",
            "admin,             cases/case.xhtml?id=1,  SERVICE"})
    @Order(4)
    void everyRoleAskingForSomethingOutsideItIsRefusedAndTheRefusalIsAudited(String username, String page,
                                                                            String refusedBy) {
        WebClient web = new WebClient(base);
        web.signIn(username, TestSession.DEMO_PASSWORD);
        long before = denials(username, refusedBy);

        HttpResponse<String> response = web.get(page);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Acceso no permitido");
        assertNoStackTrace(response.body());
        assertThat(denials(username, refusedBy)).isEqualTo(before + 1);
    }

    @Test
    @Order(6)
    void unknownPagesAndExpiredViewsGetSpanishPagesWithoutStackTraces() {
        WebClient web = new WebClient(base);
        web.signIn("coordinador", TestSession.DEMO_PASSWORD);

        HttpResponse<String> missing = web.get("no-existe.xhtml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Página no encontrada");
        assertNoStackTrace(missing.body());

        HttpResponse<String> expired = web.post("account/password.xhtml", Map.of("password", "password",
                "password:current", "x", "password:replacement", "y", "password:confirmation", "y",
                "password:save", "", "jakarta.faces.ViewState", "-1:-1"));
        assertThat(expired.body()).contains("La página expiró");
        assertNoStackTrace(expired.body());

        HttpResponse<String> failure = web.get("error/500.xhtml");
        assertThat(failure.body()).contains("Ocurrió un error").contains("Nada de lo que ya estaba guardado se perdió");
    }

    @Test
    @Order(7)
    void somebodyWithATemporaryPasswordSeesOnlyThePasswordPageUntilChoosingTheirOwn() throws Exception {
        String name = "temporal" + System.nanoTime() % 100000;
        TestDatabase.update("INSERT INTO app_user (username, full_name, email, role, comuna_id, password_hash,"
                + " must_change_password) SELECT ?, 'Persona Temporal', ?, 'COORDINADOR', comuna_id, password_hash, TRUE"
                + " FROM app_user WHERE username = 'coordinador'", name, name + "@demo.cl");
        WebClient web = new WebClient(base);

        HttpResponse<String> landing = web.signIn(name, TestSession.DEMO_PASSWORD);
        assertThat(landing.uri().getPath()).endsWith("/account/password.xhtml");
        assertThat(web.get("index.xhtml").uri().getPath()).endsWith("/account/password.xhtml");

        HttpResponse<String> mismatch = web.submit(landing, "password", Map.of("current", TestSession.DEMO_PASSWORD,
                "replacement", "Mi-clave-propia-2026", "confirmation", "Otra-cosa-2026"), "save");
        assertThat(mismatch.body()).contains("Las contraseñas no coinciden.");

        HttpResponse<String> home = web.submit(mismatch, "password", Map.of("current", TestSession.DEMO_PASSWORD,
                "replacement", "Mi-clave-propia-2026", "confirmation", "Mi-clave-propia-2026"), "save");
        assertThat(home.uri().getPath()).endsWith("/index.xhtml");
        assertThat(home.body()).contains("Coordinación comunal").contains("Su contraseña fue cambiada.");
        assertThat(TestDatabase.value("SELECT must_change_password FROM app_user WHERE username = ?", name))
                .isEqualTo(false);
    }

    /** An administrator disabling a person, or changing their role, ends that person's open sessions. */
    @ParameterizedTest
    @CsvSource({"UPDATE app_user SET enabled = FALSE WHERE username = ?",
            "UPDATE app_user SET role = 'COFACILITADOR' WHERE username = ?"})
    @Order(9)
    void anOpenSessionEndsWhenTheAccountIsDisabledOrItsRoleChanges(String administratorsChange) throws Exception {
        String name = "sesion" + System.nanoTime() % 100000;
        TestDatabase.update("INSERT INTO app_user (username, full_name, email, role, comuna_id, password_hash)"
                + " SELECT ?, 'Persona en Sesión', ?, 'COORDINADOR', comuna_id, password_hash FROM app_user"
                + " WHERE username = 'coordinador'", name, name + "@demo.cl");
        WebClient web = new WebClient(base);
        assertThat(web.signIn(name, TestSession.DEMO_PASSWORD).body()).contains("Coordinación comunal");

        TestDatabase.update(administratorsChange, name);
        HttpResponse<String> next = web.get("offer/programs.xhtml");

        assertThat(next.uri().getPath()).endsWith("/login.xhtml");
        assertThat(next.body()).contains("Su sesión terminó");
        assertThat(web.get("index.xhtml").uri().getPath()).as("signed out for good").endsWith("/login.xhtml");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = 'SESSION'"
                + " AND outcome = 'DENIED'", name)).isEqualTo(1);
    }

    @Test
    @Order(8)
    void theOfferListExportsToCsvAndXlsx() {
        WebClient web = new WebClient(base);
        web.signIn("cofacilitador.opd", TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("offer/programs.xhtml");

        HttpResponse<String> csv = web.submit(page, "programs", Map.of(), "exportCsv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("oferta-comunal"));
        assertThat(csv.body()).contains("PPF").contains("Programa de Prevención Focalizada").contains("Protección")
                .doesNotContain("#{")
                .hasLineCount((int) TestDatabase.count("SELECT count(*) FROM program p JOIN comuna c ON c.id = p.comuna_id"
                        + " WHERE c.code = '99001'") + 1);

        HttpResponse<String> xlsx = web.submit(web.get("offer/programs.xhtml"), "programs", Map.of(), "exportXlsx");
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(xlsx.body()).startsWith("PK"); // a zip: an Office Open XML workbook

        HttpResponse<String> places = web.submit(web.get("offer/map.xhtml"), "list", Map.of(), "exportCsv");
        assertThat(places.body()).contains("PPF").contains("Sede PPF").doesNotContain("#{").doesNotContain("<div");
        long ppf = ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99001' AND p.acronym = 'PPF'")).longValue();
        HttpResponse<String> history = web.submit(web.get("offer/program.xhtml?id=" + ppf), "historyForm", Map.of(),
                "exportCsv");
        assertThat(history.body()).contains("Carga inicial del mapa de oferta").doesNotContain("#{");

        WebClient admin = new WebClient(base);
        admin.signIn("admin", TestSession.DEMO_PASSWORD);
        HttpResponse<String> users = admin.submit(admin.get("admin/users.xhtml"), "users", Map.of(), "exportCsv");
        assertThat(users.body()).contains("coordinador").contains("profesional.ppf").contains("Coordinador/a comunal")
                .doesNotContain("admin.vecina").doesNotContain("#{");
    }

    @Test
    @Order(10)
    void inHeadlessChromiumAPersonSignsInSwitchesLanguageAndSignsOutWithoutScriptErrors() {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(base + "index.xhtml");
            wait.until(ExpectedConditions.urlContains("login.xhtml"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Iniciar sesión");
            assertThat(browser.findElement(By.cssSelector("label[for='login:username']")).getText()).contains("Usuario");

            browser.findElement(By.id("login:username")).sendKeys("cofacilitador.opd");
            browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.urlContains("index.xhtml"));
            assertThat(browser.findElement(By.cssSelector("h1.page-title")).getText()).isEqualTo("Mesa de Gestión de Casos");
            assertThat(browser.findElements(By.cssSelector("#cases\\:table tbody tr"))).isNotEmpty();
            Browser.screenshot(browser, "home-cofacilitador");

            browser.findElement(By.id("languageForm:switch")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1.page-title"), "Case Management Table"));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            Browser.screenshot(browser, "home-cofacilitador-en");

            browser.findElement(By.id("logoutForm:logout")).click();
            wait.until(ExpectedConditions.urlContains("login.xhtml"));
            assertThat(browser.findElement(By.id("bye")).getText()).as("the chosen language outlives sign-out")
                    .isEqualTo("You have signed out.");
            browser.get(base + "index.xhtml");
            wait.until(ExpectedConditions.urlContains("login.xhtml"));

            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(errors).as("JavaScript errors in the console").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-" + e.getStackTrace()[0].getMethodName());
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(11)
    void inHeadlessChromiumAnAdministratorCreatesAProfessionalAndDisablesTheAccount() {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(base + "login.xhtml");
            browser.findElement(By.id("login:username")).sendKeys("admin");
            browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
            browser.findElement(By.id("login:submit")).click();
            wait.until(ExpectedConditions.urlContains("index.xhtml"));

            browser.findElement(By.id("navUsers")).click();
            wait.until(ExpectedConditions.urlContains("users.xhtml"));
            browser.findElement(By.id("users:new")).click();
            wait.until(ExpectedConditions.urlContains("user.xhtml"));

            String username = "ana.ppf" + System.nanoTime() % 100000;
            browser.findElement(By.id("user:username")).sendKeys(username);
            browser.findElement(By.id("user:fullName")).sendKeys("Ana Profesional");
            browser.findElement(By.id("user:email")).sendKeys("no-es-un-correo");
            choose(browser, wait, "user:role", "Profesional de programa");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user:program")));
            choose(browser, wait, "user:program", "PPF - Programa de Prevención Focalizada");
            browser.findElement(By.id("user:password")).sendKeys("Temporal-2026!");
            browser.findElement(By.id("user:save")).click();

            // bad e-mail: a Spanish message next to the field, nothing saved
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-message-error")));
            assertThat(browser.findElement(By.cssSelector(".ui-message-error")).getText()).containsIgnoringCase("correo");
            assertThat(TestDatabase.count("SELECT count(*) FROM app_user WHERE username = ?", username)).isZero();
            Browser.screenshot(browser, "admin-user-invalid");

            browser.findElement(By.id("user:email")).clear();
            browser.findElement(By.id("user:email")).sendKeys(username + "@demo.cl");
            browser.findElement(By.id("user:password")).sendKeys("Temporal-2026!");
            browser.findElement(By.id("user:save")).click();
            wait.until(ExpectedConditions.urlContains("users.xhtml"));
            assertThat(browser.findElement(By.id("messages")).getText()).contains("Usuario " + username + " creado.");
            assertThat(TestDatabase.value("SELECT p.acronym FROM app_user u JOIN program p ON p.id = u.program_id"
                    + " WHERE u.username = ?", username)).isEqualTo("PPF");

            browser.findElement(By.id("users:search")).sendKeys(username);
            browser.findElement(By.id("users:find")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#users\\:table tbody tr"), 1));
            browser.findElement(By.linkText(username)).click();
            wait.until(ExpectedConditions.urlContains("user.xhtml"));
            browser.findElement(By.id("user:toggle")).click();
            wait.until(ExpectedConditions.urlContains("users.xhtml"));
            assertThat(browser.findElement(By.id("messages")).getText()).contains("deshabilitado");
            assertThat(TestDatabase.value("SELECT enabled FROM app_user WHERE username = ?", username)).isEqualTo(false);
            Browser.screenshot(browser, "admin-users");

            browser.findElement(By.id("navAudit")).click();
            wait.until(ExpectedConditions.urlContains("audit.xhtml"));
            assertThat(browser.findElements(By.cssSelector("#audit\\:table tbody tr"))).hasSizeGreaterThan(1);
            Browser.screenshot(browser, "admin-audit");
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-" + e.getStackTrace()[0].getMethodName());
            throw e;
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(12)
    void inHeadlessChromiumTheCoordinatorAddsAProgramAndItsProfessionalUpdatesTheVacancies() throws Exception {
        String acronym = "PT" + System.nanoTime() % 100000;
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signInAs(browser, wait, "coordinador");
            browser.findElement(By.id("navOffer")).click();
            wait.until(ExpectedConditions.urlContains("programs.xhtml"));
            browser.findElement(By.id("programs:new")).click();
            wait.until(ExpectedConditions.urlContains("edit.xhtml"));

            browser.findElement(By.id("program:acronym")).sendKeys(acronym);
            browser.findElement(By.id("program:name")).sendKeys("Programa de Prueba Navegador");
            choose(browser, wait, "program:sector", "Protección");
            retype(browser.findElement(By.id("program:slots_input")), "5");
            browser.findElement(By.id("program:minAge_input")).sendKeys("12");
            browser.findElement(By.id("program:maxAge_input")).sendKeys("6");
            browser.findElement(By.id("program:addLocation")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("program:locations:0:address")));
            browser.findElement(By.id("program:locations:0:address")).sendKeys("Avenida Central 100");
            browser.findElement(By.id("program:locations:0:latitude_input")).sendKeys("33.45");
            browser.findElement(By.id("program:locations:0:longitude_input")).sendKeys("-70.65");
            browser.findElement(By.id("program:save")).click();

            // two mistakes, each explained next to its field; nothing saved
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='program:maxAge'] ~ .ui-message-error, .ui-message-error")));
            String page = browser.findElement(By.id("program")).getText();
            assertThat(page).contains("La edad mínima no puede ser mayor que la edad máxima.")
                    .contains("La latitud debe estar en Chile");
            assertThat(TestDatabase.count("SELECT count(*) FROM program WHERE acronym = ?", acronym)).isZero();
            Browser.screenshot(browser, "offer-program-invalid");

            retype(browser.findElement(By.id("program:minAge_input")), "6");
            retype(browser.findElement(By.id("program:maxAge_input")), "12");
            retype(browser.findElement(By.id("program:locations:0:latitude_input")), "-33.45");
            browser.findElement(By.id("program:save")).click();
            wait.until(ExpectedConditions.urlContains("program.xhtml"));
            assertThat(browser.findElement(By.id("cardVacancies")).getText()).startsWith("5");
            long programId = ((Number) TestDatabase.value("SELECT id FROM program WHERE acronym = ?", acronym)).longValue();
            browser.findElement(By.id("logoutForm:logout")).click();
            wait.until(ExpectedConditions.urlContains("login.xhtml"));

            // the program's own professional fills three of its slots
            String professional = acronym.toLowerCase() + ".pro";
            TestDatabase.update("INSERT INTO app_user (username, full_name, email, role, comuna_id, program_id, password_hash)"
                    + " SELECT ?, 'Profesional de Prueba', ?, 'PROFESIONAL', comuna_id, ?, password_hash FROM app_user"
                    + " WHERE username = 'profesional.ppf'", professional, professional + "@demo.cl", programId);
            signInAs(browser, wait, professional);
            browser.get(base + "offer/program.xhtml?id=" + programId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("capacity:occupied_input")));
            assertThat(browser.findElement(By.id("capacity:slots_input")).isEnabled()).as("slots are the coordinator's").isFalse();
            retype(browser.findElement(By.id("capacity:occupied_input")), "3");
            browser.findElement(By.id("capacity:note")).sendKeys("Tres ingresos");
            browser.findElement(By.id("capacity:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cardVacancies"), "2"));
            assertThat(browser.findElement(By.id("historyForm:history")).getText()).contains(professional).contains("Tres ingresos");
            Browser.screenshot(browser, "offer-program");

            // the list shows it with its vacancies
            browser.get(base + "offer/programs.xhtml");
            browser.findElement(By.id("programs:text")).sendKeys(acronym);
            browser.findElement(By.id("programs:apply")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#programs\\:table tbody tr"), 1));
            assertThat(browser.findElement(By.cssSelector("#programs\\:table tbody tr")).getText())
                    .contains(acronym).contains("Programa de Prueba Navegador");
            Browser.screenshot(browser, "offer-programs");

            // the map lists its place, and the gap catalogue its figures: 5 slots, 3 occupied, no waiting list
            browser.get(base + "offer/map.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list:locations")));
            assertThat(browser.findElement(By.id("list:locations")).getText()).contains(acronym).contains("Avenida Central 100");
            browser.get(base + "offer/gaps.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gaps:programs")));
            assertThat(browser.findElements(By.cssSelector("[id='gaps:programs'] tbody tr")).stream()
                    .map(org.openqa.selenium.WebElement::getText).filter(row -> row.contains(acronym)).findFirst())
                    .hasValueSatisfying(row -> assertThat(row).contains("5").contains("3").contains("0,60"));
        } catch (AssertionError | RuntimeException e) {
            Browser.screenshot(browser, "failed-offer");
            throw e;
        } finally {
            browser.quit();
        }
    }

    /** Replaces what a field holds, as a person selecting it and typing would (PrimeFaces number inputs ignore clear()). */
    private static void retype(org.openqa.selenium.WebElement field, String text) {
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
    }

    private void signInAs(ChromeDriver browser, WebDriverWait wait, String username) {
        browser.get(base + "login.xhtml");
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(TestSession.DEMO_PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("index.xhtml"));
    }

    /** Picks an option of a PrimeFaces select menu by its label, as a person clicks it. */
    private static void choose(ChromeDriver browser, WebDriverWait wait, String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        // the panel fades in: a click during the animation can be lost, so click until the label shows the choice
        wait.ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            if (label.equals(d.findElement(By.id(menuId + "_label")).getText())) {
                return true;
            }
            d.findElement(d.findElement(item).isDisplayed() ? item : By.id(menuId)).click();
            return false;
        });
    }

    /** Last: stopping the database must turn the node unready, and starting it again ready. */
    @Test
    @Order(100)
    void readinessFollowsTheDatabase() throws Exception {
        WebClient web = new WebClient(base);
        assertThat(web.get("/health/ready").body()).contains("\"status\":\"UP\"");

        TestDatabaseListener.database().close();
        try {
            HttpResponse<String> down = web.get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("database");
        } finally {
            TestDatabaseListener.restart();
        }
        assertThat(web.get("/health/ready").body()).contains("\"status\":\"UP\"");
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContainPattern("(?m)^\\s*at [a-z]+\\.[a-z]+").doesNotContain("Caused by")
                .doesNotContainPattern("[a-z]+\\.[a-zA-Z.]+Exception:");
    }

    private static long denials(String username, String entityType) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type = ?"
                + " AND outcome = 'DENIED'", username, entityType);
    }
}
