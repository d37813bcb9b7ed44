package cl.redlocal.portal.platform;

import java.io.Serializable;
import java.util.List;

/** One page of rows and how many rows there are in all, both from the same filter. */
public record PageResult<T>(long total, List<T> rows) implements Serializable {

    public PageResult {
        rows = List.copyOf(rows);
    }
}
