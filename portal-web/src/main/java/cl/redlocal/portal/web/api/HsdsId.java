package cl.redlocal.portal.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HSDS ids are UUIDs. The objects the API serves by id carry their table and row id inside one:
 * {@code 2ed10ca1-KKKK-8000-8000-IIIIIIIIIIII}, KKKK the kind, the last group the row id in hex (an RFC 9562
 * version 8, "custom", UUID). Stable for as long as the row lives, the same on every node, and read back
 * without a lookup table. Objects nested in those (contacts, phones, schedules, capacity, attributes...)
 * get name-based UUIDs of their path ({@code service/42/contact}), stable as well.
 */
public final class HsdsId {

    /** What a row id names; the code goes into the UUID and must never change. */
    public enum Kind {
        ORGANIZATION(1), SERVICE(2), LOCATION(3), SERVICE_AT_LOCATION(4);

        private final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    private static final Pattern ROW = Pattern.compile("2ed10ca1-([0-9a-f]{4})-8000-8000-([0-9a-f]{12})");
    private static final long MAX_ROW = (1L << 48) - 1;

    private HsdsId() {
    }

    public static String of(Kind kind, long rowId) {
        if (rowId < 0 || rowId > MAX_ROW) {
            throw new IllegalArgumentException("row id out of range: " + rowId);
        }
        return String.format(Locale.ROOT, "2ed10ca1-%04x-8000-8000-%012x", kind.code, rowId);
    }

    /** The row id inside an id of this kind; empty for anything else, which then names nothing. */
    public static OptionalLong rowId(Kind kind, String id) {
        if (id == null) {
            return OptionalLong.empty();
        }
        Matcher m = ROW.matcher(id.toLowerCase(Locale.ROOT));
        if (!m.matches() || Integer.parseInt(m.group(1), 16) != kind.code) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(2), 16));
    }

    /** A name-based id for an object that exists only inside another ({@code service/42/contact}). */
    public static String derived(String path) {
        return UUID.nameUUIDFromBytes(("redlocal:" + path).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
