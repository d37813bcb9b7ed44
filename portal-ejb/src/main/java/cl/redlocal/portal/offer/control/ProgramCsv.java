package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.ImportProblem;
import cl.redlocal.portal.offer.boundary.LocationForm;
import cl.redlocal.portal.offer.boundary.ProgramForm;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.BusinessException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The program import file: CSV as a spreadsheet saves it. UTF-8 with or without a byte-order mark
 * (anything else is refused, never guessed: a guess would store mangled names); separator {@code ;},
 * {@code ,} or tab, whichever the header line uses; a header naming the columns of {@link ImportColumn}
 * in any order. Turns each data row into the {@link ProgramForm} the offer service takes, and says what
 * it could not read. Whether the form is acceptable is not decided here: that is the service's own
 * validation ({@link ImportChecks}). Plain Java, unit-tested.
 */
public final class ProgramCsv {

    /** The separators a spreadsheet uses: Excel in Spanish saves with {@code ;}, in English with {@code ,}. */
    private static final char[] SEPARATORS = {';', ',', '\t'};

    private static final Map<String, Sector> SECTORS = labels(Sector.class, Map.of(
            Sector.PROTECTION, List.of("Protección", "Protection"),
            Sector.CRIME_PREVENTION, List.of("Prevención del delito", "Crime prevention"),
            Sector.HEALTH, List.of("Salud", "Health"),
            Sector.MENTAL_HEALTH, List.of("Salud mental", "Mental health"),
            Sector.EDUCATION, List.of("Educación", "Education"),
            Sector.DRUGS, List.of("Alcohol y drogas", "Alcohol and drugs", "Drogas"),
            Sector.JUSTICE, List.of("Justicia", "Justice"),
            Sector.SOCIAL_PROTECTION, List.of("Protección social", "Social protection"),
            Sector.OTHER, List.of("Otro", "Otra", "Other")));

    private static final Map<String, ProgramStatus> STATUSES = labels(ProgramStatus.class, Map.of(
            ProgramStatus.ACTIVE, List.of("Activo", "Activa", "Active"),
            ProgramStatus.SUSPENDED, List.of("Suspendido", "Suspendida", "Suspended"),
            ProgramStatus.CLOSED, List.of("Cerrado", "Cerrada", "Closed")));

    private static final Map<String, ProviderKind> PROVIDER_KINDS = labels(ProviderKind.class, Map.of(
            ProviderKind.MUNICIPALITY, List.of("Municipalidad", "Municipio", "Municipality"),
            ProviderKind.HEALTH, List.of("Salud", "Health"),
            ProviderKind.EDUCATION, List.of("Educación", "Education"),
            ProviderKind.NGO, List.of("ONG o fundación", "ONG", "Fundación", "NGO", "NGO or foundation"),
            ProviderKind.COURT, List.of("Tribunal", "Court"),
            ProviderKind.STATE_SERVICE, List.of("Servicio público", "Public service"),
            ProviderKind.POLICE, List.of("Policía", "Police"),
            ProviderKind.OTHER, List.of("Otra", "Otro", "Other")));

    private static final Set<String> YES = Set.of("si", "s", "x", "yes", "y", "true", "verdadero", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "falso", "0");

    private static final Map<String, ImportColumn> HEADERS = Arrays.stream(ImportColumn.values())
            .collect(Collectors.toMap(c -> fold(c.header()), Function.identity()));

    private ProgramCsv() {
    }

    /**
     * One data row read from the file: the form it describes (provider not resolved yet: only its name
     * and kind), slots and occupancy, the columns whose cells could not be read (their value is left
     * empty in the form, so the form's own rules do not report them a second time), and what was wrong.
     */
    public record Row(int row, ProgramForm form, String providerName, ProviderKind providerKind, int slots,
                      int occupied, Set<ImportColumn> unreadable, List<ImportProblem> problems) {

        public Row {
            unreadable = unreadable.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(unreadable));
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads a whole file. A file that cannot be read as a whole (not UTF-8, a spreadsheet instead of CSV,
     * unknown or missing columns, broken quoting, no data) is refused with a {@link BusinessException};
     * rows that are merely wrong are returned with their problems, every one of them.
     */
    public static List<Row> read(byte[] content) {
        String text = decode(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separatorOf(text)).setIgnoreEmptyLines(false)
                .setTrim(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<ImportColumn> columns = null;
            for (CSVRecord record : parser) {
                // a spreadsheet's row: the header is row 1, and a quoted cell may span several lines of text
                int row = (int) record.getRecordNumber();
                if (columns == null) {
                    columns = header(record);
                } else if (!blank(record)) {
                    rows.add(row(row, columns, record));
                }
            }
            if (columns == null) {
                throw new BusinessException("offer.import.file.empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports broken quoting (a quote never closed) this way
            throw new BusinessException("offer.import.file.malformed");
        }
        if (rows.isEmpty()) {
            throw new BusinessException("offer.import.file.noRows");
        }
        return rows;
    }

    /** The downloadable template: the header and one example row, with {@code ;} as Excel in Spanish saves. */
    public static String template() {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::header));
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::example));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The text of the file, strictly UTF-8. Latin-1 or Windows-1252 (what "CSV (delimitado por comas)"
     * gives on a Spanish Windows) has bytes that are not UTF-8, so it is refused with a message telling
     * how to save it right, instead of importing "ProtecciÃ³n". A byte-order mark is dropped.
     */
    static String decode(byte[] content) {
        if (content.length == 0) {
            throw new BusinessException("offer.import.file.empty");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04) || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new BusinessException("offer.import.file.spreadsheet"); // .xlsx (a zip) or .xls
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BusinessException("offer.import.file.encoding");
        }
        if (text.indexOf('\u0000') >= 0) { // UTF-16 without a mark is valid UTF-8 full of NULs
            throw new BusinessException("offer.import.file.encoding");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The separator the header line uses most, outside quotes; {@code ;} when it has none. */
    static char separatorOf(String text) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int s = 0; s < SEPARATORS.length; s++) {
                    if (c == SEPARATORS[s]) {
                        counts[s]++;
                    }
                }
            }
        }
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) {
            if (counts[s] > counts[best]) {
                best = s;
            }
        }
        return SEPARATORS[best];
    }

    private static List<ImportColumn> header(CSVRecord record) {
        List<ImportColumn> columns = new ArrayList<>();
        Set<ImportColumn> seen = EnumSet.noneOf(ImportColumn.class);
        for (String cell : record) {
            if (cell.isBlank()) {
                columns.add(null); // an empty trailing column, as spreadsheets sometimes save
                continue;
            }
            ImportColumn column = HEADERS.get(fold(cell));
            if (column == null) {
                // a misspelt column would silently lose its data: refuse the file instead
                throw new BusinessException("offer.import.file.unknownColumn", cell.trim());
            }
            if (!seen.add(column)) {
                throw new BusinessException("offer.import.file.duplicateColumn", column.header());
            }
            columns.add(column);
        }
        String missing = Arrays.stream(ImportColumn.values()).filter(c -> c.required() && !seen.contains(c))
                .map(ImportColumn::header).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw new BusinessException("offer.import.file.missingColumns", missing);
        }
        return columns;
    }

    private static Row row(int row, List<ImportColumn> columns, CSVRecord record) {
        Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i).strip();
            if (i >= columns.size() || columns.get(i) == null) {
                if (!value.isEmpty()) {
                    problems.add(ImportProblem.of("offer.import.problem.extraCell", i + 1, value));
                }
            } else if (!value.isEmpty()) {
                cells.put(columns.get(i), value);
            }
        }
        return new Reader(row, cells, problems).read();
    }

    /** The cells of one row into typed values, noting every cell it cannot read. */
    private static final class Reader {

        private final int row;
        private final Map<ImportColumn, String> cells;
        private final List<ImportProblem> problems;
        private final Set<ImportColumn> unreadable = EnumSet.noneOf(ImportColumn.class);

        Reader(int row, Map<ImportColumn, String> cells, List<ImportProblem> problems) {
            this.row = row;
            this.cells = cells;
            this.problems = problems;
        }

        Row read() {
            String acronym = text(ImportColumn.ACRONYM);
            Sector sector = label(ImportColumn.SECTOR, SECTORS, "offer.import.problem.unknownSector", null);
            ProviderKind kind = label(ImportColumn.PROVIDER_KIND, PROVIDER_KINDS,
                    "offer.import.problem.unknownProviderKind", ProviderKind.OTHER);
            ProgramStatus status = label(ImportColumn.STATUS, STATUSES, "offer.import.problem.unknownStatus",
                    ProgramStatus.ACTIVE);
            Integer minAge = integer(ImportColumn.MIN_AGE);
            Integer maxAge = integer(ImportColumn.MAX_AGE);
            Integer slots = integer(ImportColumn.SLOTS);
            Integer occupied = integer(ImportColumn.OCCUPIED);
            List<LocationForm> locations = new ArrayList<>();
            if (cells.containsKey(ImportColumn.LOCATION_NAME) || cells.containsKey(ImportColumn.LOCATION_ADDRESS)
                    || cells.containsKey(ImportColumn.LOCATION_SECTOR) || cells.containsKey(ImportColumn.LATITUDE)
                    || cells.containsKey(ImportColumn.LONGITUDE)) {
                locations.add(new LocationForm(null, text(ImportColumn.LOCATION_NAME),
                        text(ImportColumn.LOCATION_ADDRESS), text(ImportColumn.LOCATION_SECTOR),
                        decimal(ImportColumn.LATITUDE), decimal(ImportColumn.LONGITUDE)));
            }
            ProgramForm form = new ProgramForm(acronym == null ? null : acronym.toUpperCase(Locale.ROOT),
                    text(ImportColumn.NAME), sector, null, text(ImportColumn.DESCRIPTION), minAge, maxAge,
                    text(ImportColumn.TARGET_PROFILE), text(ImportColumn.ELIGIBILITY), text(ImportColumn.TERRITORY),
                    yesNo(ImportColumn.COURT_ORDER), yesNo(ImportColumn.SPONTANEOUS), yesNo(ImportColumn.REFERRAL),
                    yesNo(ImportColumn.ACTIVE_SEARCH), text(ImportColumn.REFERRAL_DOCUMENTS),
                    text(ImportColumn.CONTACT_NAME), text(ImportColumn.CONTACT_PHONE),
                    text(ImportColumn.CONTACT_EMAIL), text(ImportColumn.OPENING_HOURS), status, locations);
            String provider = text(ImportColumn.PROVIDER);
            return new Row(row, form, provider == null ? null : provider.replaceAll("\\s+", " "), kind,
                    slots == null ? 0 : slots, occupied == null ? 0 : occupied, unreadable, problems);
        }

        private String text(ImportColumn column) {
            return cells.get(column);
        }

        private Integer integer(ImportColumn column) {
            String value = cells.get(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.replace(" ", ""));
            } catch (NumberFormatException e) {
                return unreadable(column, "offer.import.problem.notInteger", value);
            }
        }

        /** A decimal with a point or, as Excel in Spanish writes it, a comma. */
        private BigDecimal decimal(ImportColumn column) {
            String value = cells.get(column);
            if (value == null) {
                return null;
            }
            String number = value.replace(" ", "");
            if (number.indexOf('.') < 0) {
                number = number.replace(',', '.');
            }
            try {
                return new BigDecimal(number);
            } catch (NumberFormatException e) {
                return unreadable(column, "offer.import.problem.notNumber", value);
            }
        }

        /** sí / no (and their usual spellings); empty is no. */
        private boolean yesNo(ImportColumn column) {
            String value = cells.get(column);
            if (value == null) {
                return false;
            }
            String folded = fold(value);
            if (YES.contains(folded)) {
                return true;
            }
            if (!NO.contains(folded)) {
                unreadable(column, "offer.import.problem.notYesNo", value);
            }
            return false;
        }

        private <E> E label(ImportColumn column, Map<String, E> known, String problem, E fallback) {
            String value = cells.get(column);
            if (value == null) {
                return fallback;
            }
            E found = known.get(fold(value));
            if (found == null) {
                unreadable(column, problem, value);
                return fallback;
            }
            return found;
        }

        private <T> T unreadable(ImportColumn column, String key, String value) {
            unreadable.add(column);
            problems.add(ImportProblem.of(key, column.header(), value));
            return null;
        }
    }

    /** A label as compared: no accents, lower case, spaces, underscores and hyphens alike. */
    static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Each value by its enum name and by its labels, folded. */
    private static <E extends Enum<E>> Map<String, E> labels(Class<E> type, Map<E, List<String>> labels) {
        Map<String, E> byLabel = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            byLabel.put(fold(value.name()), value);
        }
        labels.forEach((value, names) -> names.forEach(n -> byLabel.putIfAbsent(fold(n), value)));
        return Map.copyOf(byLabel);
    }

    /** The folded provider name two rows (or a row and an existing provider) are matched by. */
    public static String providerKey(String name) {
        return fold(name);
    }
}
