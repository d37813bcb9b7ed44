package cl.redlocal.portal.cases.entity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as the duplicate check compares them: "  Sofía  MUÑOZ " and "sofia munoz" are the same key, and a
 * typo ("Sofia Munos") is a small edit distance away. Plain functions, unit-tested.
 */
public final class ChildNames {

    /** Two keys this close (edits) with the same birth date are offered as a possible duplicate. */
    public static final int TYPO_DISTANCE = 2;

    private ChildNames() {
    }

    /** Given names and surnames folded: no accents, lower case, single spaces. */
    public static String key(String givenNames, String paternalSurname, String maternalSurname) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[]{givenNames, paternalSurname, maternalSurname}) {
            if (part != null && !part.isBlank()) {
                sb.append(' ').append(part);
            }
        }
        return fold(sb.toString());
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit} (returns limit + 1 then). */
    public static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
