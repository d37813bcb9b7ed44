package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.cases.entity.ChildNames;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.cases.entity.Sex;
import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.platform.BusinessException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The police 24 Horas list as a CSV file (docs/import-24horas.md): UTF-8, {@code ;} or {@code ,}, a header row
 * naming the columns. Reads every row into typed values and notes, in Spanish message keys, each thing wrong
 * with it. Same approach as the offer import ({@code ProgramCsv}): commons-csv, strict UTF-8, unknown columns
 * refused so no data is lost silently.
 */
public final class PoliceListCsv {

    public enum Column {
        RUN("run", false, "12.345.678-5"),
        GIVEN_NAMES("nombres", true, "Sofía Antonia"),
        PATERNAL_SURNAME("apellido_paterno", true, "Muñoz"),
        MATERNAL_SURNAME("apellido_materno", false, "Rojas"),
        BIRTH_DATE("fecha_nacimiento", true, "14-03-2012"),
        SEX("sexo", true, "F"),
        PROCEDURE_DATE("fecha_procedimiento", true, "02-11-2026"),
        POLICE_UNIT("unidad_policial", false, "12ª Comisaría"),
        REASON("motivo", true, "Vulneración de derechos: NNA en la vía pública de noche"),
        ADDRESS("direccion", false, "Pasaje Los Aromos 123"),
        SECTOR("sector", false, "Norte");

        private final String header;
        private final boolean required;
        private final String example;

        Column(String header, boolean required, String example) {
            this.header = header;
            this.required = required;
            this.example = example;
        }

        public String header() {
            return header;
        }
    }

    /** One data row: {@code row} as a spreadsheet numbers it (the header is row 1). */
    public record Row(int row, String run, String givenNames, String paternalSurname, String maternalSurname,
                      LocalDate birthDate, Sex sex, LocalDate procedureDate, String policeUnit, String reason,
                      String address, String sector, List<ImportProblem> problems, List<ImportProblem> notes) {

        public boolean valid() {
            return problems.isEmpty();
        }

        public String nameKey() {
            return ChildNames.key(givenNames, paternalSurname, maternalSurname);
        }
    }

    private static final char[] SEPARATORS = {';', ',', '\t'};
    /** Strict: 31-02-2026 is an error, not the last day of February. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private PoliceListCsv() {
    }

    public static List<Row> read(byte[] content, LocalDate today) {
        String text = decode(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separatorOf(text)).setTrim(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<Column> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                } else if (!blank(record)) {
                    rows.add(row((int) record.getRecordNumber(), columns, record, today));
                }
            }
            if (columns == null) {
                throw new BusinessException("import24h.file.empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new BusinessException("import24h.file.malformed");
        }
        if (rows.isEmpty()) {
            throw new BusinessException("import24h.file.noRows");
        }
        return rows;
    }

    /** The downloadable template: header and one example row, {@code ;} as Excel in Spanish saves. */
    public static String template() {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            printer.printRecord(Arrays.stream(Column.values()).map(Column::header));
            printer.printRecord(Arrays.stream(Column.values()).map(c -> c.example));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String decode(byte[] content) {
        if (content.length == 0) {
            throw new BusinessException("import24h.file.empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BusinessException("import24h.file.encoding");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new BusinessException("import24h.file.encoding");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ';';
        long bestCount = 0;
        for (char s : SEPARATORS) {
            long count = header.chars().filter(c -> c == s).count();
            if (count > bestCount) {
                best = s;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<Column> header(CSVRecord record) {
        List<Column> columns = new ArrayList<>();
        Set<Column> seen = EnumSet.noneOf(Column.class);
        for (String cell : record) {
            if (cell.isBlank()) {
                columns.add(null);
                continue;
            }
            String folded = ChildNames.fold(cell).replace(' ', '_');
            Column column = Arrays.stream(Column.values()).filter(c -> c.header.equals(folded)).findFirst()
                    .orElseThrow(() -> new BusinessException("import24h.file.unknownColumn", cell.strip()));
            if (!seen.add(column)) {
                throw new BusinessException("import24h.file.duplicateColumn", column.header);
            }
            columns.add(column);
        }
        String missing = Arrays.stream(Column.values()).filter(c -> c.required && !seen.contains(c))
                .map(Column::header).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new BusinessException("import24h.file.missingColumns", missing);
        }
        return columns;
    }

    private static Row row(int row, List<Column> columns, CSVRecord record, LocalDate today) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i).strip();
            if (i < columns.size() && columns.get(i) != null && !value.isEmpty()) {
                cells.put(columns.get(i), value);
            } else if ((i >= columns.size() || columns.get(i) == null) && !value.isEmpty()) {
                problems.add(ImportProblem.of("import24h.problem.extraCell", i + 1, value));
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !cells.containsKey(c)) {
                problems.add(ImportProblem.of("import24h.problem.required", c.header));
            }
        }
        String run = null;
        if (cells.containsKey(Column.RUN)) {
            run = Run.normalize(cells.get(Column.RUN)).orElse(null);
            if (run == null) {
                problems.add(ImportProblem.of("import24h.problem.run", cells.get(Column.RUN)));
            }
        }
        LocalDate birth = date(cells, Column.BIRTH_DATE, problems);
        LocalDate procedure = date(cells, Column.PROCEDURE_DATE, problems);
        if (birth != null && birth.isAfter(today)) {
            problems.add(ImportProblem.of("import24h.problem.birthFuture", cells.get(Column.BIRTH_DATE)));
        } else if (procedure != null && procedure.isAfter(today)) {
            problems.add(ImportProblem.of("import24h.problem.procedureFuture", cells.get(Column.PROCEDURE_DATE)));
        } else if (birth != null && procedure != null) {
            if (birth.isAfter(procedure)) {
                problems.add(ImportProblem.of("import24h.problem.bornAfter"));
            } else if (Period.between(birth, procedure).getYears() >= 18) {
                problems.add(ImportProblem.of("import24h.problem.adult", Period.between(birth, procedure).getYears()));
            }
        }
        Sex sex = null;
        List<ImportProblem> notes = new ArrayList<>();
        if (cells.containsKey(Column.SEX)) {
            sex = switch (ChildNames.fold(cells.get(Column.SEX))) {
                case "f", "femenino", "mujer" -> Sex.F;
                case "m", "masculino", "hombre" -> Sex.M;
                case "x", "o", "otro", "otra", "no binario" -> Sex.OTHER;
                default -> null;
            };
            if (sex == null) {
                problems.add(ImportProblem.of("import24h.problem.sex", cells.get(Column.SEX)));
            } else if (sex == Sex.OTHER) {
                // "X", "O", "no binario": taken as Otro, and the preview says so rather than pass it silently
                notes.add(ImportProblem.of("import24h.note.sexOther", cells.get(Column.SEX)));
            }
        }
        length(cells, Column.GIVEN_NAMES, 150, problems);
        length(cells, Column.PATERNAL_SURNAME, 100, problems);
        length(cells, Column.MATERNAL_SURNAME, 100, problems);
        length(cells, Column.POLICE_UNIT, 200, problems);
        length(cells, Column.REASON, 2000, problems);
        length(cells, Column.ADDRESS, 200, problems);
        length(cells, Column.SECTOR, 100, problems);
        return new Row(row, run, cells.get(Column.GIVEN_NAMES), cells.get(Column.PATERNAL_SURNAME),
                cells.get(Column.MATERNAL_SURNAME), birth, sex, procedure, cells.get(Column.POLICE_UNIT),
                cells.get(Column.REASON), cells.get(Column.ADDRESS), cells.get(Column.SECTOR), List.copyOf(problems),
                List.copyOf(notes));
    }

    private static LocalDate date(Map<Column, String> cells, Column column, List<ImportProblem> problems) {
        String value = cells.get(column);
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(value, f);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        problems.add(ImportProblem.of("import24h.problem.date", column.header, value));
        return null;
    }

    private static void length(Map<Column, String> cells, Column column, int max, List<ImportProblem> problems) {
        String value = cells.get(column);
        if (value != null && value.length() > max) {
            problems.add(ImportProblem.of("import24h.problem.tooLong", column.header, max));
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
