package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.cases.entity.Sex;
import cl.redlocal.portal.offer.boundary.ImportProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PoliceListCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String HEADER = "RUN;Nombres;Apellido paterno;apellido_materno;fecha_nacimiento;sexo;"
            + "fecha_procedimiento;unidad_policial;motivo;direccion;sector\n";

    @Test
    void readsAGoodRowWithTheUsualWaysOfWritingDatesAndSex() {
        List<PoliceListCsv.Row> rows = PoliceListCsv.read((HEADER
                + "12.345.678-5;Ana;Pérez;;14/03/2012;Femenino;2026-11-20;1ª Comisaría;Motivo;;Norte\n")
                .getBytes(StandardCharsets.UTF_8), TODAY);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.run()).isEqualTo("12345678-5");
            assertThat(r.birthDate()).isEqualTo(LocalDate.of(2012, 3, 14));
            assertThat(r.procedureDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(r.sex()).isEqualTo(Sex.F);
            assertThat(r.maternalSurname()).isNull();
        });
    }

    @Test
    void notesEachWrongThingOfARow() {
        PoliceListCsv.Row row = PoliceListCsv.read((HEADER
                + "12.345.678-9;;Pérez;;31-02-2012;Z;25-11-2026;;;;\n").getBytes(StandardCharsets.UTF_8), TODAY).get(0);
        assertThat(row.problems()).extracting(ImportProblem::key).containsExactlyInAnyOrder(
                "import24h.problem.required", "import24h.problem.required", "import24h.problem.run",
                "import24h.problem.date", "import24h.problem.procedureFuture", "import24h.problem.sex");
    }

    /** Issue 16, defect 11: "X" is a valid sex, read as Otro, and the row carries a note that says so. */
    @Test
    void aSexXIsReadAsOtherWithANote() {
        PoliceListCsv.Row row = PoliceListCsv.read((HEADER
                + "12.345.678-5;Ana;Pérez;;14/03/2012;X;2026-11-20;1ª Comisaría;Motivo;;Norte\n").getBytes(StandardCharsets.UTF_8), TODAY).get(0);
        assertThat(row.valid()).isTrue();
        assertThat(row.sex()).isEqualTo(Sex.OTHER);
        assertThat(row.notes()).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("import24h.note.sexOther");
            assertThat(n.arguments()).containsExactly("X");
        });
    }

    @Test
    void theTemplateReadsBackAsOneValidRow() {
        assertThat(PoliceListCsv.read(PoliceListCsv.template().getBytes(StandardCharsets.UTF_8), TODAY))
                .singleElement().satisfies(r -> assertThat(r.problems()).isEmpty());
    }
}
