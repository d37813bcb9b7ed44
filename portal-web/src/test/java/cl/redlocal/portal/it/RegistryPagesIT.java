package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake and 24 Horas pages from outside, as a professional's browser posts them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryPagesIT {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @ArquillianResource
    URL base;

    @BeforeEach
    void fixture() {
        RegistryFixture.ensure();
    }

    @Test
    void theIntakeFormShowsTheSpanishMessageNextToAWrongCheckDigitAndKeepsTheOtherFields() {
        WebClient web = new WebClient(base);
        web.signIn(RegistryFixture.PRO_A, TestSession.DEMO_PASSWORD);
        HttpResponse<String> page = web.get("cases/new.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nuevo ingreso");

        String names = RegistryFixture.word();
        HttpResponse<String> form = web.submit(page, "intake", Map.of("searchGivenNames", names,
                "searchPaternalSurname", "Galdames"), "newChild");
        assertThat(form.body()).contains("id=\"intake:run\"");

        String wrong = RegistryFixture.wrongCheckDigit(RegistryFixture.newRun());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("run", wrong);
        fields.put("givenNames", names);
        fields.put("paternalSurname", "Galdames");
        fields.put("maternalSurname", "Quiroz");
        fields.put("birthDate_input", LocalDate.now(ZoneId.of("America/Santiago")).minusYears(9).format(DMY));
        fields.put("sex_input", "F");
        fields.put("nationality", "Chilena");
        fields.put("school", "Escuela Los Aromos");
        fields.put("mode_input", "SPONTANEOUS");
        fields.put("source_input", "FAMILY");
        fields.put("requestedOn_input", LocalDate.now(ZoneId.of("America/Santiago")).format(DMY));
        fields.put("reason", "La abuela consulta por apoyo");
        HttpResponse<String> answer = web.submit(form, "intake", fields, "save");
        String html = answer.body();
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "registry-intake.html"), html);
        } catch (java.io.IOException e) {
            // only a help for reading a failure
        }

        assertThat(messageFor(html, "intake:run")).isEqualTo("El RUN no es válido: revise el dígito verificador.");
        assertThat(html).contains("value=\"" + wrong + "\"").contains("value=\"" + names + "\"")
                .contains("value=\"Quiroz\"").contains("value=\"Escuela Los Aromos\"")
                .contains("La abuela consulta por apoyo");
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isZero();
    }

    @Test
    void theTemplateIsForProfessionalsAndHasTheDocumentedColumns() {
        WebClient web = new WebClient(base);
        web.signIn(RegistryFixture.PRO_A, TestSession.DEMO_PASSWORD);
        HttpResponse<String> template = web.get("cases/import24h-template.csv");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).startsWith("\uFEFFrun;nombres;apellido_paterno;apellido_materno;fecha_nacimiento;"
                + "sexo;fecha_procedimiento;unidad_policial;motivo;direccion;sector");
        assertThat(web.get("cases/import24h.xhtml").body()).contains("Importar lista 24 Horas");

        WebClient coordinator = new WebClient(base);
        coordinator.signIn("coordinador", TestSession.DEMO_PASSWORD);
        assertThat(coordinator.get("cases/import24h-template.csv").statusCode()).isEqualTo(403);
    }

    /** The text of the p:message rendered for a field (PrimeFaces renders it in a div whose id ends with _message?). */
    private static String messageFor(String html, String clientId) {
        Matcher m = Pattern.compile("<div id=\"" + Pattern.quote(clientId) + "_message\"[^>]*>.*?"
                + "class=\"ui-message-error-detail\">([^<]*)<", Pattern.DOTALL).matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher any = Pattern.compile("data-target=\"" + Pattern.quote(clientId) + "\"[^>]*>.*?ui-message-error-(?:detail|summary)\">([^<]*)<",
                Pattern.DOTALL).matcher(html);
        return any.find() ? any.group(1) : html;
    }
}
