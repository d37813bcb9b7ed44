package cl.redlocal.portal.web.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The English UI is complete (issue 16): every key of the Spanish bundle has its English text and the other
 * way round, and no English text keeps Spanish where that can be told (accented letters, ñ, ¿ ¡), except
 * the few that name Spanish on purpose (the language switch, the import files' Spanish column values).
 */
class BundleCompletenessTest {

    /** English texts that quote Spanish words the person must type or choose. */
    private static final Set<String> SPANISH_ON_PURPOSE = Set.of("layout.language.other", "layout.language.switch",
            "offer.import.file.encoding", "offer.import.problem.accessMode", "offer.import.problem.unknownSector",
            "offer.import.problem.unknownProviderKind", "offer.import.problem.notYesNo");

    private static final Pattern SPANISH = Pattern.compile("[áéíóúñ¿¡]");

    @Test
    void theWebBundlesHaveTheSameKeys() {
        assertSameKeys("i18n/messages.properties", "i18n/messages_en.properties");
    }

    @Test
    void theValidationBundlesHaveTheSameKeys() {
        assertSameKeys("ValidationMessages.properties", "ValidationMessages_en.properties");
    }

    @Test
    void noEnglishTextIsLeftInSpanish() {
        for (String bundle : List.of("i18n/messages_en.properties", "ValidationMessages_en.properties")) {
            Properties en = load(bundle);
            Set<String> spanish = new TreeSet<>();
            en.stringPropertyNames().stream().filter(k -> !SPANISH_ON_PURPOSE.contains(k))
                    .filter(k -> SPANISH.matcher(en.getProperty(k)).find()).forEach(spanish::add);
            assertThat(spanish).as("English texts of " + bundle + " still in Spanish").isEmpty();
        }
    }

    private static void assertSameKeys(String spanish, String english) {
        Set<String> es = load(spanish).stringPropertyNames();
        Set<String> en = load(english).stringPropertyNames();
        assertThat(new TreeSet<>(es)).as("keys of " + spanish + " missing in " + english).isSubsetOf(en);
        assertThat(new TreeSet<>(en)).as("keys of " + english + " missing in " + spanish).isSubsetOf(es);
    }

    private static Properties load(String resource) {
        try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
