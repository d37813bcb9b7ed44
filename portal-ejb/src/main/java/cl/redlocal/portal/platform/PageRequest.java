package cl.redlocal.portal.platform;

import java.io.Serializable;

/**
 * Which rows a lazy table wants: offset, size and one sort column. The sort field is a key that
 * each query maps to a column through its own whitelist; it never reaches SQL as text.
 */
public record PageRequest(int first, int size, String sortField, boolean ascending) implements Serializable {

    public static final int MAX_SIZE = 10_000;

    public PageRequest {
        if (first < 0) {
            first = 0;
        }
        if (size <= 0) {
            size = 25;
        }
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("A page holds at most " + MAX_SIZE + " rows; export larger sets as a stream");
        }
    }

    public static PageRequest of(int first, int size) {
        return new PageRequest(first, size, null, true);
    }
}
