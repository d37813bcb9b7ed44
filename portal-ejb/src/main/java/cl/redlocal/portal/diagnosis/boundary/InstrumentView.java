package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A version of the instrument with its dimensions and items in order. */
public record InstrumentView(long id, int number, String name, String state, Instant publishedAt, String publishedBy,
                             int version, List<DimensionView> dimensions) implements Serializable {

    public int itemCount() {
        return dimensions.stream().mapToInt(d -> d.items().size()).sum();
    }
}
