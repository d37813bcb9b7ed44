package cl.redlocal.portal.diagnosis.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A complementary section another program added to a diagnosis. */
public record ComplementView(long id, String programAcronym, String authorName, Instant createdAt, String summary,
                             List<Entry> entries) implements Serializable {

    public record Entry(String dimensionCode, String dimensionName, String text, Integer score, String note)
            implements Serializable {
    }
}
