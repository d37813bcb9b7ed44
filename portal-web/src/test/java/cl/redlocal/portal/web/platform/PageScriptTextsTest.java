package cl.redlocal.portal.web.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No page puts an EL value (a bundle text, a name) inside JavaScript: an apostrophe in a translation ended
 * a string and broke every handler of the minutes page (issue 16, defect 2). Confirmations go in
 * data-confirm (portal.js), texts for scripts in data-* attributes.
 */
class PageScriptTextsTest {

    private static final Pattern HANDLER = Pattern.compile(
            "\\s(on[a-z]+|oncomplete|onstart|onsuccess|onerror)=\"([^\"]*)\"", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<(?:script|h:outputScript)[^>]*>(.*?)</(?:script|h:outputScript)>",
            Pattern.DOTALL);

    @Test
    void noExpressionReachesJavaScript() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String xhtml = Files.readString(page);
                Matcher h = HANDLER.matcher(xhtml);
                while (h.find()) {
                    if (h.group(2).contains("#{") || h.group(2).contains("${")) {
                        found.add(page + ": " + h.group(1) + "=\"" + h.group(2) + "\"");
                    }
                }
                Matcher s = SCRIPT.matcher(xhtml);
                while (s.find()) {
                    if (s.group(1).contains("#{")) {
                        found.add(page + ": script with " + s.group(1).strip());
                    }
                }
            }
        }
        assertThat(found).as("EL inside JavaScript").isEmpty();
    }
}
