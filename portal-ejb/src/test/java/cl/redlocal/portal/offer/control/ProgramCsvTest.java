package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramCsvTest {

    private static final String HEADER = "sigla;nombre;sector;edad_minima;edad_maxima;derivacion;cupos;ocupados;"
            + "sede_direccion;sede_latitud;sede_longitud\n";

    private static List<ProgramCsv.Row> read(String text) {
        return ProgramCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(byte[] content) {
        try {
            ProgramCsv.read(content);
        } catch (BusinessException e) {
            return e.getMessageKey();
        }
        throw new AssertionError("the file was not refused");
    }

    @Test
    void readsARowIntoTheFormTheOfferServiceTakes() {
        ProgramCsv.Row row = read(HEADER + " ppf ;Programa de Prevención Focalizada;Protección;0;17;sí;80;12;"
                + "Av. Principal 123;-33,4489;-70.6693\n").get(0);

        assertThat(row.problems()).isEmpty();
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.form().acronym()).isEqualTo("PPF");
        assertThat(row.form().name()).isEqualTo("Programa de Prevención Focalizada");
        assertThat(row.form().sector()).isEqualTo(Sector.PROTECTION);
        assertThat(row.form().minAge()).isZero();
        assertThat(row.form().maxAge()).isEqualTo(17);
        assertThat(row.form().acceptsReferral()).isTrue();
        assertThat(row.form().acceptsSpontaneous()).isFalse();
        assertThat(row.form().status()).isEqualTo(ProgramStatus.ACTIVE);
        assertThat(row.slots()).isEqualTo(80);
        assertThat(row.occupied()).isEqualTo(12);
        assertThat(row.form().locations()).singleElement().satisfies(l -> {
            assertThat(l.address()).isEqualTo("Av. Principal 123");
            assertThat(l.latitude()).isEqualByComparingTo(new BigDecimal("-33.4489"));
            assertThat(l.longitude()).isEqualByComparingTo(new BigDecimal("-70.6693"));
        });
    }

    @Test
    void acceptsSpanishLabelsEnumNamesAndEnglishLabelsWhateverTheCaseAndAccents() {
        List<ProgramCsv.Row> rows = read("sigla;nombre;sector;tipo_institucion;estado\n"
                + "A;a;Prevención del delito;ONG;Suspendida\n"
                + "B;b;CRIME_PREVENTION;ngo;suspended\n"
                + "C;c;prevencion del DELITO;Fundación;SUSPENDIDO\n"
                + "D;d;salud mental;Municipalidad;\n");

        assertThat(rows).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(rows.subList(0, 3)).allSatisfy(r -> {
            assertThat(r.form().sector()).isEqualTo(Sector.CRIME_PREVENTION);
            assertThat(r.providerKind()).isEqualTo(ProviderKind.NGO);
            assertThat(r.form().status()).isEqualTo(ProgramStatus.SUSPENDED);
        });
        assertThat(rows.get(3).form().sector()).isEqualTo(Sector.MENTAL_HEALTH);
        assertThat(rows.get(3).form().status()).isEqualTo(ProgramStatus.ACTIVE);
    }

    @Test
    void reportsEveryCellItCannotReadWithTheColumnAndTheValue() {
        ProgramCsv.Row row = read(HEADER + "X;Talleres;Deporte;diez;17;quizás;muchos;0;Calle 1;-33,4;oeste\n").get(0);

        assertThat(row.problems()).containsExactly(
                ImportProblem.of("offer.import.problem.unknownSector", "sector", "Deporte"),
                ImportProblem.of("offer.import.problem.notInteger", "edad_minima", "diez"),
                ImportProblem.of("offer.import.problem.notInteger", "cupos", "muchos"),
                ImportProblem.of("offer.import.problem.notNumber", "sede_longitud", "oeste"),
                ImportProblem.of("offer.import.problem.notYesNo", "derivacion", "quizás"));
        assertThat(row.unreadable()).containsExactlyInAnyOrder(ImportColumn.SECTOR, ImportColumn.MIN_AGE,
                ImportColumn.SLOTS, ImportColumn.LONGITUDE, ImportColumn.REFERRAL);
        assertThat(row.form().sector()).isNull();
    }

    @Test
    void detectsTheSeparatorOfTheHeaderLine() {
        assertThat(ProgramCsv.separatorOf("sigla;nombre;sector\nA,B;c;d")).isEqualTo(';');
        assertThat(ProgramCsv.separatorOf("sigla,nombre,sector\nA;B,c,d")).isEqualTo(',');
        assertThat(ProgramCsv.separatorOf("sigla\tnombre\tsector")).isEqualTo('\t');
        assertThat(ProgramCsv.separatorOf("\"si;gla\",nombre,sector")).isEqualTo(',');

        ProgramCsv.Row comma = read("sigla,nombre,sector,sede_direccion,sede_latitud\n"
                + "OPD,\"Oficina de Protección, Derechos\",Protección,Calle 1,\"-33,45\"\n").get(0);
        assertThat(comma.form().name()).isEqualTo("Oficina de Protección, Derechos");
        assertThat(comma.form().locations().get(0).latitude()).isEqualByComparingTo("-33.45");
    }

    @Test
    void rowNumbersAreTheSpreadsheetsEvenWithBlankRowsAndCellsOnSeveralLines() {
        List<ProgramCsv.Row> rows = read("sigla;nombre;sector;descripcion\r\n"
                + "A;a;Salud;\"dos\r\nlíneas\"\r\n"
                + ";;;\r\n"
                + "\r\n"
                + "B;b;Salud;\r\n");

        assertThat(rows).extracting(ProgramCsv.Row::row).containsExactly(2, 5);
        assertThat(rows.get(0).form().description()).isEqualTo("dos\r\nlíneas");
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkReadsAlike() {
        byte[] plain = "sigla;nombre;sector\nOPD;Oficina de Protección;Protección\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);

        assertThat(ProgramCsv.read(bom).get(0).form()).isEqualTo(ProgramCsv.read(plain).get(0).form());
        assertThat(ProgramCsv.read(bom).get(0).problems()).isEmpty();
    }

    @Test
    void aFileInAnotherEncodingIsRefusedInsteadOfImportedMangled() {
        String text = "sigla;nombre;sector\nOPD;Oficina de Protección;Protección\n";
        assertThat(refusal(text.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("offer.import.file.encoding");
        assertThat(refusal(text.getBytes(StandardCharsets.UTF_16LE))).isEqualTo("offer.import.file.encoding");
        assertThat(refusal(text.getBytes(StandardCharsets.UTF_16))).isEqualTo("offer.import.file.encoding");
        assertThat(refusal(new byte[]{0x50, 0x4B, 0x03, 0x04, 0x14, 0x00})).isEqualTo("offer.import.file.spreadsheet");
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefused() {
        assertThat(refusal(new byte[0])).isEqualTo("offer.import.file.empty");
        assertThat(refusal("sigla;nombre;sector\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("offer.import.file.noRows");
        assertThat(refusal("sigla;nombre;sector;edad_minma\nA;a;Salud;3\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("offer.import.file.unknownColumn");
        assertThat(refusal("sigla;nombre;sigla\nA;a;A\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("offer.import.file.duplicateColumn");
        assertThat(refusal("sigla;nombre\nA;a\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("offer.import.file.missingColumns");
        assertThat(refusal("sigla;nombre;sector\nA;\"a;Salud\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("offer.import.file.malformed");
    }

    @Test
    void headersForgiveCaseAccentsAndSpacesAndCellsBeyondTheHeaderMustBeEmpty() {
        List<ProgramCsv.Row> rows = read("SIGLA;Nombre;Sector;Edad Mínima;\nA;a;Salud;3;;\nB;b;Salud;4;;sobra\n");

        assertThat(rows.get(0).form().minAge()).isEqualTo(3);
        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(1).problems()).containsExactly(ImportProblem.of("offer.import.problem.extraCell", 6, "sobra"));
    }

    @Test
    void theTemplateHasEveryColumnInOrderAndItsExampleRowReadsWithoutProblems() {
        String template = ProgramCsv.template();
        String[] lines = template.split("\r\n");

        assertThat(lines[0].split(";")).containsExactly(java.util.Arrays.stream(ImportColumn.values())
                .map(ImportColumn::header).toArray(String[]::new));
        List<ProgramCsv.Row> rows = ProgramCsv.read(template.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.form().sector()).isEqualTo(Sector.PROTECTION);
            assertThat(r.form().acceptsSpontaneous()).isTrue();
            assertThat(r.form().courtOrderRequired()).isFalse();
            assertThat(r.form().locations().get(0).latitude()).isEqualByComparingTo("-33.4489");
            assertThat(r.providerName()).isEqualTo("Municipalidad de Comuna Demo");
            assertThat(r.providerKind()).isEqualTo(ProviderKind.MUNICIPALITY);
        });
    }
}
