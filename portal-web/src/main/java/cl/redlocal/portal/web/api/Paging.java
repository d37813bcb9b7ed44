package cl.redlocal.portal.web.api;

import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;

import java.util.List;
import java.util.function.Function;

/**
 * HSDS's query parameters {@code page} (from 1) and {@code per_page}, checked: anything but a whole number
 * in range is refused with a 400 that says which parameter and why, never silently corrected.
 */
public record Paging(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 100;
    /** Far beyond any comuna's offer; only keeps the offset inside an int. */
    public static final int MAX_PAGE = 1_000_000;

    public static Paging of(String page, String perPage) {
        return new Paging(number("page", page, 1, MAX_PAGE, 1),
                number("per_page", perPage, 1, MAX_PER_PAGE, DEFAULT_PER_PAGE));
    }

    public PageRequest request() {
        return PageRequest.of((page - 1) * perPage, perPage);
    }

    public <R, T> Hsds.Page<T> envelope(PageResult<R> result, Function<R, T> mapper) {
        List<T> contents = result.rows().stream().map(mapper).toList();
        long totalPages = (result.total() + perPage - 1) / perPage;
        return new Hsds.Page<>(result.total(), totalPages, page, contents.size(), page == 1, page >= totalPages,
                contents.isEmpty(), contents);
    }

    private static int number(String name, String value, int min, int max, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as a number out of range
        }
        throw ApiException.badParameter(name, "debe ser un número entero entre " + min + " y " + max
                + " (se recibió «" + abbreviate(value) + "»).");
    }

    /** The refused value as the message may repeat it: short, printable. */
    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 20 ? printable.substring(0, 20) + "…" : printable;
    }
}
