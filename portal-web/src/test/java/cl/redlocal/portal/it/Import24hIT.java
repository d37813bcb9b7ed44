package cl.redlocal.portal.it;

import cl.redlocal.portal.cases.boundary.Import24hPreview;
import cl.redlocal.portal.cases.boundary.Import24hResult;
import cl.redlocal.portal.cases.boundary.Import24hRow;
import cl.redlocal.portal.cases.boundary.Import24hRow.Outcome;
import cl.redlocal.portal.cases.boundary.Import24hService;
import cl.redlocal.portal.cases.boundary.IntakeResult;
import cl.redlocal.portal.cases.boundary.RegistryService;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.platform.BusinessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The police 24 Horas list import: preview row by row, then all or nothing, into the importing program. */
@ExtendWith(ArquillianExtension.class)
class Import24hIT {

    static final String HEADER = "run;nombres;apellido_paterno;apellido_materno;fecha_nacimiento;sexo;"
            + "fecha_procedimiento;unidad_policial;motivo;direccion;sector\n";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final ZoneId ZONE = ZoneId.of("America/Santiago");

    @Inject
    Import24hService imports;

    @Inject
    RegistryService registry;

    @BeforeEach
    void fixture() {
        RegistryFixture.ensure();
    }

    @Test
    void aGoodFileMatchesRegisteredChildrenCreatesTheOthersAndLeavesOneRequestPerRowPending() {
        TestSession.signIn(RegistryFixture.PRO_A);
        LocalDate today = LocalDate.now(ZONE);
        // a child already registered (by RUN) and one registered without RUN (matched by names and birth date)
        String knownRun = RegistryFixture.newRun();
        String knownNames = RegistryFixture.word();
        LocalDate knownBorn = RegistryFixture.bornYearsAgo(14);
        IntakeResult known = registry.intake(new cl.redlocal.portal.cases.boundary.IntakeCommand(null,
                RegistryIT.child(knownRun, knownNames, "Araya", null, knownBorn),
                cl.redlocal.portal.cases.boundary.FamilyForm.newFamily(), RegistryIT.access(today, List.of()), false));
        String migrantNames = RegistryFixture.word();
        LocalDate migrantBorn = RegistryFixture.bornYearsAgo(12);
        IntakeResult migrant = registry.intake(new cl.redlocal.portal.cases.boundary.IntakeCommand(null,
                new cl.redlocal.portal.cases.boundary.ChildForm(true, null, "Migrante", null, migrantNames, "Pérez", null,
                        null, migrantBorn, cl.redlocal.portal.cases.entity.Sex.M, null, "Peruana", null, null, null),
                cl.redlocal.portal.cases.boundary.FamilyForm.newFamily(), RegistryIT.access(today, List.of()), false));
        String newRun = RegistryFixture.newRun();
        String newNames = RegistryFixture.word();
        String file = HEADER
                + row(Run.format(knownRun), knownNames, "Araya", "", knownBorn, "M", today.minusDays(2))
                + row("", migrantNames.toUpperCase(), "Perez", "", migrantBorn, "masculino", today.minusDays(2))
                + row(newRun, newNames, "Tapia", "Rojas", RegistryFixture.bornYearsAgo(15), "F", today.minusDays(1))
                + row(newRun, newNames, "Tapia", "Rojas", RegistryFixture.bornYearsAgo(15), "F", today);

        Import24hPreview preview = imports.preview("lista.csv", bytes(file));
        assertThat(preview.importable()).isTrue();
        assertThat(preview.rows()).extracting(Import24hRow::outcome)
                .containsExactly(Outcome.MATCHED_RUN, Outcome.MATCHED_NAMES, Outcome.NEW_CHILD, Outcome.SAME_AS_ROW);
        assertThat(preview.rows().get(0).caseCode()).isEqualTo(known.caseCode());
        assertThat(preview.rows().get(3).sameAsRow()).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE run = ?", newRun)).as("a preview saves nothing").isZero();

        Import24hResult result = imports.importAll("lista.csv", bytes(file), outcomes(preview));
        assertThat(result.requests()).isEqualTo(4);
        assertThat(result.newChildren()).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM access_request WHERE import_batch = ? AND mode = 'REFERRAL'"
                + " AND source = 'POLICE_24H' AND decision = 'PENDING' AND program_id = ?", result.batch(),
                RegistryFixture.programId("RGA"))).isEqualTo(4);
        assertThat(TestDatabase.count("SELECT count(*) FROM access_request WHERE import_batch = ? AND case_id = ?",
                result.batch(), known.caseId())).as("the registered child's open case is reused").isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM access_request WHERE import_batch = ? AND case_id = ?",
                result.batch(), migrant.caseId())).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE run = ?", newRun)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM access_request a JOIN case_file c ON c.id = a.case_id"
                + " JOIN child ch ON ch.id = c.child_id WHERE a.import_batch = ? AND ch.run = ?", result.batch(), newRun))
                .isEqualTo(2);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE entity_type = 'IMPORT_24H'"
                + " AND entity_id = ? AND username = ?", result.batch(), RegistryFixture.PRO_A)).isEqualTo(1);
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndSaysWhichRowAndWhy() {
        TestSession.signIn(RegistryFixture.PRO_A);
        LocalDate today = LocalDate.now(ZONE);
        String good = RegistryFixture.newRun();
        String names = RegistryFixture.word();
        String file = HEADER
                + row(good, names, "Bravo", "", RegistryFixture.bornYearsAgo(10), "F", today)
                + row(RegistryFixture.wrongCheckDigit(RegistryFixture.newRun()), names, "Bravo", "",
                RegistryFixture.bornYearsAgo(11), "F", today)
                + row(RegistryFixture.newRun(), names, "Bravo", "", today.minusYears(19), "M", today)
                + row(RegistryFixture.newRun(), names, "Bravo", "", RegistryFixture.bornYearsAgo(9), "M", today)
                .replace(today.format(DMY) + ";", "31-02-2026;")
                + row(RegistryFixture.newRun(), "", "Bravo", "", RegistryFixture.bornYearsAgo(9), "M", today);
        Import24hPreview preview = imports.preview("malo.csv", bytes(file));
        assertThat(preview.importable()).isFalse();
        assertThat(preview.rows()).extracting(Import24hRow::outcome)
                .containsExactly(Outcome.NEW_CHILD, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR);
        assertThat(problemKeys(preview.rows().get(1))).containsExactly("import24h.problem.run");
        assertThat(problemKeys(preview.rows().get(2))).containsExactly("import24h.problem.adult");
        assertThat(problemKeys(preview.rows().get(3))).contains("import24h.problem.date");
        assertThat(preview.rows().get(4).problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("import24h.problem.required");
            assertThat(p.arguments()).containsExactly("nombres");
        });
        assertThat(preview.rows().get(4).row()).isEqualTo(6);

        assertThatThrownBy(() -> imports.importAll("malo.csv", bytes(file), outcomes(preview)))
                .isInstanceOf(BusinessException.class).hasMessage("import24h.failed.row")
                .satisfies(e -> assertThat(((BusinessException) e).getArguments()[0]).isEqualTo(3));
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE run = ?", good)).as("nothing imported").isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE given_names = ?", names)).isZero();
    }

    @Test
    void aRowThatFaresDifferentlyThanInThePreviewRollsEverythingBack() {
        TestSession.signIn(RegistryFixture.PRO_A);
        LocalDate today = LocalDate.now(ZONE);
        String first = RegistryFixture.newRun();
        String raced = RegistryFixture.newRun();
        String names = RegistryFixture.word();
        LocalDate racedBorn = RegistryFixture.bornYearsAgo(8);
        String file = HEADER + row(first, names, "Muñoz", "", RegistryFixture.bornYearsAgo(7), "F", today)
                + row(raced, names, "Muñoz", "", racedBorn, "M", today);
        Import24hPreview preview = imports.preview("carrera.csv", bytes(file));
        assertThat(preview.rows()).extracting(Import24hRow::outcome).containsExactly(Outcome.NEW_CHILD, Outcome.NEW_CHILD);
        // meanwhile somebody registers the second child
        registry.intake(new cl.redlocal.portal.cases.boundary.IntakeCommand(null,
                RegistryIT.child(raced, "Otro " + names, "Muñoz", null, racedBorn),
                cl.redlocal.portal.cases.boundary.FamilyForm.newFamily(), RegistryIT.access(today, List.of()), false));
        assertThatThrownBy(() -> imports.importAll("carrera.csv", bytes(file), outcomes(preview)))
                .isInstanceOf(BusinessException.class).hasMessage("import24h.failed.changed");
        assertThat(TestDatabase.count("SELECT count(*) FROM child WHERE run = ?", first)).isZero();
    }

    @Test
    void aFileWithoutARequiredColumnOrWithAnUnknownOneIsRefusedWhole() {
        TestSession.signIn(RegistryFixture.PRO_A);
        assertThatThrownBy(() -> imports.preview("x.csv", bytes("run;nombres;fecha_nacimiento\n1-9;Ana;01-01-2015\n")))
                .isInstanceOf(BusinessException.class).hasMessage("import24h.file.missingColumns")
                .satisfies(e -> assertThat(((BusinessException) e).getArguments()[0].toString())
                        .contains("apellido_paterno", "sexo", "fecha_procedimiento", "motivo"));
        assertThatThrownBy(() -> imports.preview("x.csv", bytes(HEADER.replace("\n", ";comuna\n"))))
                .isInstanceOf(BusinessException.class).hasMessage("import24h.file.unknownColumn");
        assertThatThrownBy(() -> imports.preview("x.csv", "run;nombres\n1-9;Peñalolén\n"
                .getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(BusinessException.class)
                .hasMessage("import24h.file.encoding");
        // a comma-separated file with a byte-order mark reads as well
        String comma = "\uFEFF" + HEADER.replace(';', ',') + row(RegistryFixture.newRun(), RegistryFixture.word(), "Soto",
                "", RegistryFixture.bornYearsAgo(6), "F", LocalDate.now(ZONE)).replace(';', ',');
        assertThat(imports.preview("coma.csv", bytes(comma)).rows()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.NEW_CHILD));
    }

    @Test
    void aRowWithoutRunMatchesAChildRegisteredBeforeNameKeysByItsNamesAndBirthDate() {
        long[] held = RegistryFixture.caseHeldBy(RegistryFixture.COMUNA_CODE, "RGC"); // name_key left empty
        String given = (String) TestDatabase.value("SELECT given_names FROM child WHERE id = ?", held[1]);
        String code = (String) TestDatabase.value("SELECT code FROM case_file WHERE id = ?", held[0]);
        TestSession.signIn(RegistryFixture.PRO_A);
        String file = HEADER + row("", given.toUpperCase(java.util.Locale.ROOT), "reservado", "",
                LocalDate.of(2015, 2, 3), "M", LocalDate.now(ZONE));
        Import24hPreview preview = imports.preview("antiguo.csv", bytes(file));
        assertThat(preview.rows()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.MATCHED_NAMES);
            assertThat(r.caseCode()).isEqualTo(code);
        });
        Import24hResult result = imports.importAll("antiguo.csv", bytes(file), outcomes(preview));
        assertThat(TestDatabase.count("SELECT count(*) FROM access_request WHERE import_batch = ? AND case_id = ?",
                result.batch(), held[0])).isEqualTo(1);
        assertThat(registry.registry(held[0])).as("the request involves the importing program").isPresent();
    }

    private static List<String> problemKeys(Import24hRow row) {
        return row.problems().stream().map(ImportProblem::key).toList();
    }

    private static List<Outcome> outcomes(Import24hPreview preview) {
        return preview.rows().stream().map(Import24hRow::outcome).toList();
    }

    static String row(String run, String names, String paternal, String maternal, LocalDate born, String sex,
                      LocalDate procedure) {
        return String.join(";", run, names, paternal, maternal, born.format(DMY), sex, procedure.format(DMY),
                "12ª Comisaría", "NNA en la vía pública de noche", "Los Aromos 12", "Norte") + "\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
