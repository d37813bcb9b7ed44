package cl.redlocal.portal.facts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fitness test: the predicates that define the domain facts (db/migration/R__facts.sql, docs/facts.md)
 * are written there once, not restated by the features that read them. A reader says {@code is_open},
 * {@code is_pending} or {@code is_active} on a fact view. The versioned migrations are history and are not
 * scanned; the allow-list below names the files that may still spell a predicate out, and why.
 */
class FactsAreNotRestatedTest {

    /** The predicates, by the fact they define. */
    private static final Map<String, Pattern> PREDICATES = Map.of(
            "an open wait (fact_waiting.is_open)", Pattern.compile("exited_at\\s+IS\\s+NULL", Pattern.CASE_INSENSITIVE),
            "a pending referral (fact_referral.is_pending)",
            Pattern.compile("state\\s+IN\\s*\\(\\s*'SENT'\\s*,\\s*'RECEIVED'\\s*\\)", Pattern.CASE_INSENSITIVE),
            "an active stay (fact_stay.is_active)", Pattern.compile("ended_on\\s+IS\\s+NULL", Pattern.CASE_INSENSITIVE),
            "an open plan action or agreement (fact_plan_action.is_open, fact_agreement.is_open)",
            Pattern.compile("status\\s+IN\\s*\\(\\s*'PENDING'\\s*,\\s*'IN_PROGRESS'\\s*\\)", Pattern.CASE_INSENSITIVE),
            "an open alert (fact_alert.is_open)", Pattern.compile("state\\s*<>\\s*'RESOLVED'", Pattern.CASE_INSENSITIVE));

    /**
     * Files (paths relative to the repository, with '/') that may spell a predicate, each for a reason:
     * writes that change the state the predicate reads, an instant in the past rather than now, another
     * table with a column of the same name, or a reader another branch of work rebuilds on the facts.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/alert/boundary/AlertRules.java",
                    "an UPDATE: resolving rule alerts whose cause is gone"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/alert/control/AlertEscalation.java",
                    "an UPDATE: escalating open alerts"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/referral/boundary/ReferralEscalation.java",
                    "an UPDATE: marking overdue referrals escalated"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/mgc/agenda/control/FlowsQuery.java",
                    "a list's length at a past instant (entered before it and not exited by then), not an open wait now"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/mgc/network/control/KnotQuery.java",
                    "a knot's state, not an alert's"),
            Map.entry("db/migration/R__family_last_contact.sql", "an accompaniment's end, not a stay's"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/demo/DemoData.java",
                    "the demo data generator picks cases to write on"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/demo/MgcDemoAgenda.java",
                    "the demo data generator picks cases to write on"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/cases/control/CaseTableQuery.java",
                    "the case table, which its read model (branch perf) rebuilds on the facts"),
            Map.entry("portal-ejb/src/main/java/cl/redlocal/portal/indicator/control/IndicatorQuery.java",
                    "stays active and waits open at a past quarter's close (an instant in the past), not now"));

    /** Where the definitions live. */
    private static final Set<String> OWNERS = Set.of("db/migration/R__facts.sql");
    private static final String OWNER_PACKAGE = "portal-ejb/src/main/java/cl/redlocal/portal/facts/";

    @Test
    void theFactsPredicatesAreWrittenOnlyWhereTheFactsAreDefined() throws IOException {
        Path root = repositoryRoot();
        List<String> restated = new ArrayList<>();
        for (Path file : sources(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (OWNERS.contains(relative) || relative.startsWith(OWNER_PACKAGE) || ALLOWED.containsKey(relative)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Map.Entry<String, Pattern> p : PREDICATES.entrySet()) {
                    if (p.getValue().matcher(lines.get(i)).find()) {
                        restated.add(relative + ":" + (i + 1) + " restates " + p.getKey());
                    }
                }
            }
        }
        assertThat(restated).as("read the fact views (docs/facts.md) instead of restating their predicates")
                .isEmpty();
    }

    @Test
    void theScanSeesTheDefinitions() throws IOException {
        // guards the test itself: were the paths wrong, it would pass on nothing
        Path facts = repositoryRoot().resolve("db/migration/R__facts.sql");
        String sql = Files.readString(facts);
        PREDICATES.forEach((fact, pattern) -> assertThat(pattern.matcher(sql).find()).as(fact).isTrue());
        assertThat(sources(repositoryRoot())).hasSizeGreaterThan(100);
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("db/migration")) && Files.isDirectory(p.resolve("portal-ejb"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    /** Main Java sources of both modules and the repeatable migrations (the versioned ones are history). */
    private static List<Path> sources(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("portal-ejb/src/main/java", "portal-web/src/main/java")) {
            try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        try (Stream<Path> list = Files.list(root.resolve("db/migration"))) {
            list.filter(f -> f.getFileName().toString().startsWith("R__")).forEach(files::add);
        }
        return files;
    }
}
