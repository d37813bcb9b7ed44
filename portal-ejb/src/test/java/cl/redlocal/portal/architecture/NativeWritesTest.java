package cl.redlocal.portal.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: a native {@code INSERT}, {@code UPDATE} or {@code DELETE} is written only by the feature
 * that owns the table. The owner of a mapped table is the feature of its entity ({@code @Table},
 * {@code @CollectionTable}); an unmapped table's owner is declared in {@link #OWNERS}, or is the one feature
 * that writes it. ArchUnit does not read SQL strings, so this reads the Java sources.
 */
class NativeWritesTest {

    private static final Path SOURCES = Path.of("src/main/java/cl/redlocal/portal");

    /** Owners of tables that no entity maps and that more than one feature would write. */
    private static final Map<String, String> OWNERS = Map.of(
            "session_agenda_request", "mgc.agenda");

    private static final String ANONYMISATION = "anonymisation (Ley 21.719) replaces the registry's identifying columns"
            + " of a child, its family and its adults in the privacy feature's one transaction; the registry's entities"
            + " have no anonymise() transition yet";

    /**
     * Writes that stay outside their table's owner, each with its reason: "file -> table".
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "alert/boundary/AlertService.java -> session_agenda_request",
            "an alert asks for the next session in the same statement that makes it unique per open alert"
                    + " (ON CONFLICT); the agenda takes the request up",
            "privacy/control/Anonymiser.java -> child", ANONYMISATION,
            "privacy/control/Anonymiser.java -> family", ANONYMISATION,
            "privacy/control/Anonymiser.java -> family_adult", ANONYMISATION);


    /** The demo generator seeds every feature's tables of an empty database in one transaction. */
    private static final String SEEDER = "demo";

    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT INTO|UPDATE|DELETE FROM)\\s+([a-z_][a-z0-9_]*)\\b");
    private static final Pattern TABLE = Pattern.compile(
            "@(?:Table|CollectionTable|JoinTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_][a-z0-9_]*)\"");

    @Test
    void everyNativeWriteIsByItsTablesOwner() {
        Map<String, String> owners = mappedTables();
        Map<String, Set<String>> writers = new TreeMap<>();
        List<Write> writes = new ArrayList<>();
        for (Path file : javaFiles()) {
            String feature = featureOf(file);
            if (feature.equals(SEEDER)) {
                continue;
            }
            for (String table : writtenTables(file)) {
                writes.add(new Write(relative(file), feature, table));
                writers.computeIfAbsent(table, t -> new TreeSet<>()).add(feature);
            }
        }
        assertThat(writes).as("native writes found (is the scan reading the sources?)").isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (Write write : writes) {
            String owner = owners.getOrDefault(write.table, OWNERS.get(write.table));
            if (owner == null) {
                Set<String> by = writers.get(write.table);
                if (by.size() == 1) {
                    continue; // an unmapped table written by one feature only: that feature owns it
                }
                problems.add(write.table + " is written by " + by + ": declare its one owner in OWNERS");
                continue;
            }
            if (!owner.equals(write.feature) && !ALLOWED.containsKey(write.file + " -> " + write.table)) {
                problems.add(write.file + " writes " + write.table + ", which belongs to " + owner
                        + ": call the owner's transition instead");
            }
        }
        assertThat(problems).as("native writes on another feature's tables").isEmpty();
    }

    @Test
    void everyAllowedWriteStillHappens() {
        Set<String> found = new TreeSet<>();
        for (Path file : javaFiles()) {
            for (String table : writtenTables(file)) {
                found.add(relative(file) + " -> " + table);
            }
        }
        assertThat(found).as("allow-list entries that no longer happen (remove them)").containsAll(ALLOWED.keySet());
    }

    private record Write(String file, String feature, String table) {
    }

    private static Map<String, String> mappedTables() {
        Map<String, String> owners = new TreeMap<>();
        for (Path file : javaFiles()) {
            Matcher m = TABLE.matcher(read(file));
            while (m.find()) {
                owners.put(m.group(1), featureOf(file));
            }
        }
        assertThat(owners).as("mapped tables").containsKeys("case_involvement", "mgc_session", "referral");
        return owners;
    }

    private static Set<String> writtenTables(Path file) {
        Set<String> tables = new TreeSet<>();
        for (String line : read(file).split("\n")) {
            String code = line.strip();
            if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
                continue;
            }
            Matcher m = WRITE.matcher(code);
            while (m.find()) {
                tables.add(m.group(1));
            }
        }
        return tables;
    }

    static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return SOURCES.relativize(file).toString().replace('\\', '/');
    }

    static String featureOf(Path file) {
        String dir = SOURCES.relativize(file.getParent()).toString().replace('\\', '/').replace('/', '.');
        return Features.of(Features.ROOT + dir);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
