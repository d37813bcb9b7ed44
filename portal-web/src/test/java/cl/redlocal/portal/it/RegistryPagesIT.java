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
        // the duplicate search comes first; only then may a new child be registered
        HttpResponse<String> searched = web.submit(page, "intake", Map.of("searchGivenNames", names,
                "searchPaternalSurname", "Galdames"), "search");
        assertThat(searched.body()).contains("No hay NNA registrados que coincidan");
        HttpResponse<String> form = web.submit(searched, "intake", Map.of(), "newChild");
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

    /** The text of the p:message rendered right after the field (the message beside it), or a note that there is none. */
    static String messageFor(String html, String clientId) {
        int field = html.indexOf("id=\"" + clientId + "\"");
        if (field < 0) {
            return "no field " + clientId;
        }
        Matcher m = Pattern.compile("class=\"ui-message-error-detail\"[^>]*>([^<]*)<").matcher(html);
        if (!m.find(field) || m.start() - field > 1500) {
            return "no message beside " + clientId;
        }
        return m.group(1);
    }

    @Test
    void aProfessionalRegistersAnIntakeDecidesItIsNotAdmissibleAndIsOfferedTheProgramsThatFit() {
        WebClient web = new WebClient(base);
        web.signIn(RegistryFixture.PRO_A, TestSession.DEMO_PASSWORD);
        String names = RegistryFixture.word();
        HttpResponse<String> searched = web.submit(web.get("cases/new.xhtml"), "intake",
                Map.of("searchGivenNames", names, "searchPaternalSurname", "Galdames"), "search");
        HttpResponse<String> form = web.submit(searched, "intake", Map.of(), "newChild");
        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("run", RegistryFixture.newRun());
        fields.put("givenNames", names);
        fields.put("paternalSurname", "Galdames");
        fields.put("birthDate_input", today.minusYears(8).minusDays(3).format(DMY));
        fields.put("sex_input", "M");
        fields.put("nationality", "Chilena");
        fields.put("sector", "Norte");
        fields.put("mode_input", "REFERRAL");
        fields.put("source_input", "SCHOOL");
        fields.put("requestedOn_input", today.format(DMY));
        fields.put("reason", "La escuela informa inasistencias reiteradas");
        HttpResponse<String> casePage = web.submit(form, "intake", fields, "save");
        assertThat(casePage.uri().getPath()).endsWith("/cases/case.xhtml");
        assertThat(casePage.body()).contains("Registro, acceso y admisibilidad").contains(names)
                .contains("La escuela informa inasistencias reiteradas").contains("Pendiente");
        long caseId = Long.parseLong(casePage.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));

        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("decision_input", "NOT_ADMISSIBLE");
        decision.put("decidedOn_input", today.format(DMY));
        decision.put("decisionReason", "");
        HttpResponse<String> refused = web.submit(casePage, "decision", decision, "decide");
        assertThat(messageFor(refused.body(), "decision:decisionReason"))
                .isEqualTo("Indique los fundamentos de la decisión.");
        assertThat(TestDatabase.value("SELECT decision FROM access_request WHERE case_id = ?", caseId)).isEqualTo("PENDING");

        decision.put("decisionReason", "Requiere un programa de su sector");
        HttpResponse<String> decided = web.submit(refused, "decision", decision, "decide");
        assertThat(TestDatabase.value("SELECT decision FROM access_request WHERE case_id = ?", caseId))
                .isEqualTo("NOT_ADMISSIBLE");
        assertThat(decided.body()).contains("Programas cuya elegibilidad calza")
                .contains("referrals/new.xhtml?case=" + caseId + "&amp;to=" + RegistryFixture.programId("RGC"))
                .doesNotContain("to=" + RegistryFixture.programId("RGD") + "\"");

        // the child's page: a correction needs a reason, then it is kept as history
        HttpResponse<String> childPage = web.get("cases/child.xhtml?case=" + caseId);
        assertThat(childPage.body()).contains("Historial de correcciones").contains("Sin correcciones.");
        Map<String, String> correction = new LinkedHashMap<>();
        correction.put("run", (String) TestDatabase.value("SELECT ch.run FROM child ch JOIN case_file c"
                + " ON c.child_id = ch.id WHERE c.id = ?", caseId));
        correction.put("givenNames", names);
        correction.put("paternalSurname", "Galdames");
        correction.put("birthDate_input", today.minusYears(8).minusDays(3).format(DMY));
        correction.put("sex_input", "M");
        correction.put("nationality", "Chilena");
        correction.put("sector", "Norte");
        correction.put("school", "Escuela Básica 12");
        correction.put("reason", "");
        HttpResponse<String> noReason = web.submit(childPage, "correction", correction, "saveCorrection");
        assertThat(messageFor(noReason.body(), "correction:reason")).isEqualTo("Indique el motivo de la corrección.");
        correction.put("reason", "Dato informado por la madre");
        HttpResponse<String> corrected = web.submit(noReason, "correction", correction, "saveCorrection");
        assertThat(corrected.body()).contains("Dato informado por la madre").contains("Escuela Básica 12")
                .doesNotContain("Sin correcciones.");
    }

    /**
     * Issue 16, defect 6: a bad RUN in the search is said and not copied into the form; format errors are not
     * check-digit errors; missing sex and birth date are said in Spanish beside marked fields; a birth date that
     * does not parse no longer hides the RUN's error.
     */
    @Test
    void theIntakeExplainsABadRunInTheSearchFormatErrorsAndMissingFieldsInSpanish() {
        WebClient web = new WebClient(base);
        web.signIn(RegistryFixture.PRO_A, TestSession.DEMO_PASSWORD);
        String names = RegistryFixture.word();
        HttpResponse<String> searched = web.submit(web.get("cases/new.xhtml"), "intake", Map.of("searchRun", "abc",
                "searchGivenNames", names, "searchPaternalSurname", "Galdames"), "search");
        assertThat(messageFor(searched.body(), "intake:searchRun")).startsWith("El RUN buscado no es válido");
        HttpResponse<String> form = web.submit(searched, "intake", Map.of("searchRun", "abc"), "newChild");
        Matcher runInput = Pattern.compile("<input[^>]*id=\"intake:run\"[^>]*>").matcher(form.body());
        assertThat(runInput.find()).isTrue();
        assertThat(runInput.group()).as("the bad RUN is not copied into the form").doesNotContain("value=\"abc\"");
        java.util.regex.Matcher birthLabel = Pattern.compile("<label[^>]*for=\"intake:birthDate_input\"[^>]*>(.*?)</label>",
                Pattern.DOTALL).matcher(form.body());
        assertThat(birthLabel.find()).isTrue();
        assertThat(birthLabel.group(1)).contains("ui-outputlabel-rfi");
        java.util.regex.Matcher sexLabel = Pattern.compile("<label[^>]*for=\"intake:sex[^\"]*\"[^>]*>(.*?)</label>",
                Pattern.DOTALL).matcher(form.body());
        assertThat(sexLabel.find()).isTrue();
        assertThat(sexLabel.group(1)).contains("ui-outputlabel-rfi");

        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("run", "abc");
        fields.put("givenNames", names);
        fields.put("paternalSurname", "Galdames");
        fields.put("birthDate_input", "");
        fields.put("sex_input", "");
        fields.put("nationality", "Chilena");
        fields.put("mode_input", "SPONTANEOUS");
        fields.put("source_input", "FAMILY");
        fields.put("requestedOn_input", today.format(DMY));
        fields.put("reason", "Consulta");
        HttpResponse<String> answer = web.submit(form, "intake", fields, "save");
        String format = "El RUN tiene un formato no válido: escriba el número y su dígito verificador, por ejemplo 12.345.678-5.";
        assertThat(messageFor(answer.body(), "intake:run")).isEqualTo(format);
        // field messages only (the layout's p:messages is global only); the date picker's markup is long
        assertThat(answer.body()).containsPattern("ui-message-error-detail\"[^>]*>Indique la fecha de nacimiento.<")
                .containsPattern("ui-message-error-detail\"[^>]*>Elija el sexo registral.<");
        assertThat(answer.body()).doesNotContain("no debe ser nulo");

        fields.put("run", "1-1");
        fields.put("sex_input", "F");
        fields.put("birthDate_input", "45-13-2019");
        HttpResponse<String> unparseable = web.submit(answer, "intake", fields, "save");
        assertThat(messageFor(unparseable.body(), "intake:run")).as("the RUN's error beside the date's").isEqualTo(format);
        assertThat(unparseable.body()).doesNotContainPattern("ui-message-error-detail\"[^>]*>Indique la fecha de nacimiento.<")
                .containsPattern("id=\"intake:birthDate\"(?s).{0,20000}ui-message-error-detail");
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isZero();
    }

    /**
     * Issue 16, defects 4 and 5: "Admisible" says where the child went (the full program's waiting list), once,
     * and the case page shows the child on that list without a reload.
     */
    @Test
    void anAdmissibleChildOfAFullProgramIsToldOnceAndShownOnItsWaitingList() {
        WebClient web = new WebClient(base);
        web.signIn(RegistryFixture.PRO_B, TestSession.DEMO_PASSWORD);
        String names = RegistryFixture.word();
        HttpResponse<String> searched = web.submit(web.get("cases/new.xhtml"), "intake",
                Map.of("searchGivenNames", names, "searchPaternalSurname", "Galdames"), "search");
        HttpResponse<String> form = web.submit(searched, "intake", Map.of(), "newChild");
        LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("run", RegistryFixture.newRun());
        fields.put("givenNames", names);
        fields.put("paternalSurname", "Galdames");
        fields.put("birthDate_input", today.minusYears(7).format(DMY));
        fields.put("sex_input", "F");
        fields.put("nationality", "Chilena");
        fields.put("mode_input", "SPONTANEOUS");
        fields.put("source_input", "FAMILY");
        fields.put("requestedOn_input", today.format(DMY));
        fields.put("reason", "La madre pide apoyo");
        HttpResponse<String> casePage = web.submit(form, "intake", fields, "save");
        assertThat(casePage.body()).contains("caseNotWaiting");
        assertThat(occurrences(casePage.body(), "Ingreso registrado en el caso ")).as("the registration message once").isEqualTo(1);

        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("decision_input", "ADMISSIBLE");
        decision.put("decidedOn_input", today.format(DMY));
        decision.put("decisionReason", "Cumple el perfil");
        HttpResponse<String> decided = web.submit(casePage, "decision", decision, "decide");
        String said = "Solicitud admisible: RGB no tiene cupos libres, así que el NNA quedó en su lista de espera";
        assertThat(decided.body()).contains(said).doesNotContain("ingresó al programa o a su lista de espera");
        assertThat(occurrences(decided.body(), said)).as("the decision's message once").isEqualTo(1);
        assertThat(decided.body()).doesNotContain("id=\"caseNotWaiting\"").contains("waiting/lists.xhtml?program="
                + RegistryFixture.programId("RGB"));
    }

    private static int occurrences(String html, String text) {
        int n = 0;
        for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }
}
